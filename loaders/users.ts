import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { RoomMember } from '../src/entities/room.ts';
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

/**
 * Whether the viewer and each user are ACTIVE members of a common room (the viewer themself counts):
 * who may read a user's profile (schema/access.ts, `mayReadProfile`).
 */
export function sharesRoomWithViewerLoader(
  em: EntityManager,
  viewerId: string | null,
  options?: LoaderOptions,
) {
  return new DataLoader<string, boolean>(async (userIds) => {
    if (!viewerId) return userIds.map(() => false);
    const rooms = await findRows<RoomMember, { room: { id: string } }>(
      em,
      RoomMember,
      { user: viewerId, status: 'ACTIVE' },
      { fields: ['room'] },
    );
    const mates =
      rooms.length === 0
        ? []
        : await findRows<RoomMember, { user: { id: string } | null }>(
            em,
            RoomMember,
            { user: { $in: [...userIds] }, status: 'ACTIVE', room: { $in: rooms.map((row) => row.room.id) } },
            { fields: ['user'] },
          );
    const shared = new Set(mates.map((row) => row.user?.id));
    return userIds.map((id) => id === viewerId || shared.has(id));
  }, options);
}
