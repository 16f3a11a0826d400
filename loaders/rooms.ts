import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Room, RoomMember, type RoomRole } from '../src/entities/room.ts';

export function roomByIdLoader(em: EntityManager) {
  return new DataLoader<string, Room | null>(async (ids) => {
    const rooms = await em.find(Room, { id: { $in: [...ids] } });
    const byId = new Map(rooms.map((room) => [room.id, room]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function membersByRoomLoader(em: EntityManager) {
  return new DataLoader<string, RoomMember[]>(async (roomIds) => {
    const members = await em.find(
      RoomMember,
      { room: { $in: [...roomIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const byRoom = new Map<string, RoomMember[]>(roomIds.map((id) => [id, []]));
    for (const member of members) byRoom.get(member.room.id)?.push(member);
    return roomIds.map((id) => byRoom.get(id) ?? []);
  });
}

/** The viewer's role per room (null when not a member); the basis of every room authorization. */
export function viewerRoleLoader(em: EntityManager, viewerId: string | null) {
  return new DataLoader<string, RoomRole | null>(async (roomIds) => {
    if (!viewerId) return roomIds.map(() => null);
    const memberships = await em.find(RoomMember, { user: viewerId, room: { $in: [...roomIds] } });
    const byRoom = new Map(memberships.map((m) => [m.room.id, m.role]));
    return roomIds.map((id) => byRoom.get(id) ?? null);
  });
}
