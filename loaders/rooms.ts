import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Room, RoomMember, type RoomRole } from '../src/entities/room.ts';
import type { LoaderOptions } from './group.ts';
import { byId, groupBy } from './group.ts';

export function roomByIdLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Room | null>(async (ids) => {
    return byId(ids, await em.find(Room, { id: { $in: [...ids] } }));
  }, options);
}

export function membersByRoomLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, RoomMember[]>(async (roomIds) => {
    const members = await em.find(
      RoomMember,
      { room: { $in: [...roomIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return groupBy(roomIds, members, (member) => member.room.id);
  }, options);
}

/** The viewer's role per room (null when not a member); the basis of every room authorization. */
export function viewerRoleLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, RoomRole | null>(async (roomIds) => {
    if (!viewerId) return roomIds.map(() => null);
    const memberships = await em.find(RoomMember, { user: viewerId, room: { $in: [...roomIds] } });
    const byRoom = new Map(memberships.map((m) => [m.room.id, m.role]));
    return roomIds.map((id) => byRoom.get(id) ?? null);
  }, options);
}
