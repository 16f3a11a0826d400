import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { RoomMember, type RoomRole } from '../src/entities/room.ts';
import { User } from '../src/entities/user.ts';
import type { LoaderOptions } from './group.ts';
import { findRows, groupBy, type ReadModel } from './group.ts';
import { USER_PROFILE, type UserView } from './users.ts';

/** A membership as the schema reads it: a managed entity or a read-only row. */
export type RoomMemberView = ReadModel<RoomMember, 'room' | 'user' | 'invitedBy'>;

/**
 * Members in joining order, read with their users' public profiles in the same statement: `onUser` primes
 * the user loader, so `members { user { ... } }` costs one round trip instead of two.
 */
export function membersByRoomLoader(
  em: EntityManager,
  options?: LoaderOptions,
  onUser?: (user: UserView) => void,
) {
  return new DataLoader<string, RoomMemberView[]>(async (roomIds) => {
    const members = await findRows<RoomMember, RoomMemberView & { user: UserView | null }>(
      em,
      RoomMember,
      { room: { $in: [...roomIds] } },
      {
        fields: ['createdAt', 'role', 'status', 'email', 'acceptedAt'],
        join: { user: USER_PROFILE },
        orderBy: { createdAt: 'asc', id: 'asc' },
      },
    );
    if (onUser) for (const member of members) if (member.user) onUser(member.user);
    return groupBy(roomIds, members, (member) => member.room.id);
  }, options);
}

/**
 * The viewer's role per room: null when not an ACTIVE member (a pending invitation grants nothing).
 * The basis of every room authorization (schema/access.ts).
 */
export function viewerRoleLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, RoomRole | null>(async (roomIds) => {
    if (!viewerId) return roomIds.map(() => null);
    const memberships = await findRows<RoomMember, Pick<RoomMemberView, 'room' | 'role'>>(
      em,
      RoomMember,
      { user: viewerId, room: { $in: [...roomIds] }, status: 'ACTIVE' },
      { fields: ['room', 'role'] },
    );
    const byRoom = new Map(memberships.map((m) => [m.room.id, m.role]));
    return roomIds.map((id) => byRoom.get(id) ?? null);
  }, options);
}

/** Per room: whether the viewer has a pending invitation to it (by their email, as it was invited). */
export function viewerInvitedToLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, boolean>(async (roomIds) => {
    const viewer = viewerId && (await em.findOne(User, viewerId, { fields: ['email'] }));
    if (!viewer) return roomIds.map(() => false);
    const invitations = await findRows<RoomMember, Pick<RoomMemberView, 'room'>>(
      em,
      RoomMember,
      { email: viewer.email, room: { $in: [...roomIds] }, status: 'INVITED' },
      { fields: ['room'] },
    );
    const invited = new Set(invitations.map((invitation) => invitation.room.id));
    return roomIds.map((id) => invited.has(id));
  }, options);
}
