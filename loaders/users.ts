import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { User } from '../src/entities/user.ts';
import type { LoaderOptions } from './group.ts';
import { byId, findRows } from './group.ts';

/** A user's public profile, as the schema reads it (never the password hash). */
export type UserView = Pick<User, 'id' | 'email' | 'displayName' | 'createdAt'>;

/** The columns of a public profile. */
export const USER_PROFILE = ['email', 'displayName', 'createdAt'] as const;

export function userByIdLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, UserView | null>(async (ids) => {
    const users = await findRows<User, UserView>(
      em,
      User,
      { id: { $in: [...ids] } },
      { fields: USER_PROFILE },
    );
    return byId(ids, users);
  }, options);
}
