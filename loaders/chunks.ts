import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Chunk } from '../src/entities/document.ts';
import type { LoaderOptions } from './group.ts';
import { byId } from './group.ts';

export function chunkByIdLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Chunk | null>(
    async (ids) => byId(ids, await em.find(Chunk, { id: { $in: [...ids] } })),
    options,
  );
}
