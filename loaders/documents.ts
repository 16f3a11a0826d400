import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Document } from '../src/entities/document.ts';
import type { LoaderOptions } from './group.ts';
import { byId, groupBy } from './group.ts';

export function documentByIdLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Document | null>(async (ids) => {
    return byId(ids, await em.find(Document, { id: { $in: [...ids] } }));
  }, options);
}

export function documentsByRoomLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Document[]>(async (roomIds) => {
    const documents = await em.find(
      Document,
      { room: { $in: [...roomIds] } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupBy(roomIds, documents, (document) => document.room.id);
  }, options);
}
