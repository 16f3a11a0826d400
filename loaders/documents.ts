import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Document } from '../src/entities/document.ts';

export function documentByIdLoader(em: EntityManager) {
  return new DataLoader<string, Document | null>(async (ids) => {
    const documents = await em.find(Document, { id: { $in: [...ids] } });
    const byId = new Map(documents.map((document) => [document.id, document]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function documentsByRoomLoader(em: EntityManager) {
  return new DataLoader<string, Document[]>(async (roomIds) => {
    const documents = await em.find(
      Document,
      { room: { $in: [...roomIds] } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    const byRoom = new Map<string, Document[]>(roomIds.map((id) => [id, []]));
    for (const document of documents) byRoom.get(document.room.id)?.push(document);
    return roomIds.map((id) => byRoom.get(id) ?? []);
  });
}
