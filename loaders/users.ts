import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { User } from '../src/entities/user.ts';
import type { LoaderOptions } from './group.ts';
import { byId } from './group.ts';

export function userByIdLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, User | null>(async (ids) => {
    return byId(ids, await em.find(User, { id: { $in: [...ids] } }));
  }, options);
}
