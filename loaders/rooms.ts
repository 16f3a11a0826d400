import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type MemberStatus, RoomMember, type RoomRole } from '../src/entities/room.ts';
import type { LoaderOptions } from './group.ts';
import { findRows, groupBy, type ReadModel } from './group.ts';
import type { UserView } from './users.ts';

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
    const rows = await em.getConnection().execute<MemberRow[]>(
      `select m.id, m.created_at, m.updated_at, m.room_id, m.user_id, m.role, m.status, m.email,
              m.invited_by_id, m.accepted_at,
              u.email as user_email, u.display_name as user_display_name, u.created_at as user_created_at
       from room_member m left join app_user u on u.id = m.user_id
       where m.room_id in (?) order by m.created_at asc, m.id asc`,
      [roomIds],
    );
    // A raw statement's timestamps come back as PostgreSQL text ("2026-12-03 09:17:30.137+00"), which
    // the DateTime scalar refuses: make them Dates, as an entity would have them.
    const members = rows.map((row): RoomMemberView => {
      if (row.user_id)
        onUser?.({
          id: row.user_id,
          email: row.user_email!,
          displayName: row.user_display_name!,
          createdAt: new Date(row.user_created_at!),
        });
      return {
        id: row.id,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
        room: { id: row.room_id },
        user: row.user_id ? { id: row.user_id } : null,
        role: row.role,
        status: row.status,
        email: row.email,
        invitedBy: row.invited_by_id ? { id: row.invited_by_id } : null,
        acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
      } as RoomMemberView;
    });
    return groupBy(roomIds, members, (member) => member.room.id);
  }, options);
}

interface MemberRow {
  id: string;
  created_at: Date | string;
  updated_at: Date | string;
  room_id: string;
  user_id: string | null;
  role: RoomRole;
  status: MemberStatus;
  email: string | null;
  invited_by_id: string | null;
  accepted_at: Date | string | null;
  user_email: string | null;
  user_display_name: string | null;
  user_created_at: Date | string | null;
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
