import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseEmail } from '../auth/auth-service.ts';
import { Room, RoomMember, type RoomRole } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { AppError, badInput } from '../errors.ts';

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
     where m.user_id = ? order by r.created_at desc, r.id desc limit ? offset ?`,
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

export async function addRoomMember(
  em: EntityManager,
  roomId: string,
  input: { email: string; role: RoomRole },
): Promise<RoomMember> {
  const user = await em.findOne(User, { email: normaliseEmail(input.email) });
  // Only the owner gets here (scopes), so saying the account is missing leaks nothing to outsiders.
  if (!user) throw badInput('No account uses this email; ask them to sign up first', 'email');
  if (input.role === 'OWNER') throw badInput('A room has one owner; choose EDITOR or VIEWER', 'role');
  const member = em.create(RoomMember, { room: em.getReference(Room, roomId), user, role: input.role });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('BAD_USER_INPUT', 'This person is already a member of the room', { field: 'email' });
    }
    throw error;
  }
  return member;
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
