import type { EntityManager } from '@mikro-orm/postgresql';
import { Room, RoomMember, type RoomRole } from '../entities/room.ts';
import { User } from '../entities/user.ts';

const RANK: Record<RoomRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

export const roleAtLeast = (role: RoomRole | null | undefined, needed: RoomRole) =>
  role != null && RANK[role] >= RANK[needed];

export async function createRoom(
  em: EntityManager,
  ownerId: string,
  input: { name: string; description?: string | null },
): Promise<Room> {
  const room = em.create(Room, { name: input.name.trim(), description: input.description ?? null });
  em.create(RoomMember, { room, user: em.getReference(User, ownerId), role: 'OWNER' });
  await em.flush();
  return room;
}

/**
 * The viewer's rooms with the viewer's role in each, newest first, one page at a time: one statement
 * joining memberships to rooms. The rooms are read-only rows, not managed entities: a dashboard lists
 * them and never changes them, and hydrating entities cost several times the query (bench/api.ts).
 */
export async function listRoomsOf(
  em: EntityManager,
  userId: string,
  page: { offset: number; limit: number },
): Promise<{ room: Room; role: RoomRole }[]> {
  const rows = await em.getConnection().execute<RoomRow[]>(
    `select r.id, r.created_at, r.updated_at, r.name, r.description, r.embedder_id, r.vector_key, r.reembed, m.role
     from room_member m join room r on r.id = m.room_id
     where m.user_id = ? and m.status = 'ACTIVE' order by r.created_at desc, r.id desc limit ? offset ?`,
    [userId, page.limit, page.offset],
  );
  return rows.map((row) => ({
    room: {
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      name: row.name,
      description: row.description,
      embedderId: row.embedder_id,
      vectorKey: row.vector_key,
      reembed: row.reembed,
    } as Room,
    role: row.role,
  }));
}

interface RoomRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  name: string;
  description: string | null;
  embedder_id: string | null;
  vector_key: string | null;
  reembed: Room['reembed'];
  role: RoomRole;
}

/** Changes the settings given (the others keep their values). */
export async function updateRoomSettings(
  em: EntityManager,
  roomId: string,
  settings: { newCardsPerDay?: number | null },
): Promise<Room> {
  const room = await em.findOneOrFail(Room, roomId);
  if (settings.newCardsPerDay != null) room.newCardsPerDay = settings.newCardsPerDay;
  await em.flush();
  return room;
}
