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

/** The viewer's rooms, newest first, one page at a time: one query joining memberships to rooms. */
export async function listRoomsOf(
  em: EntityManager,
  userId: string,
  page: { offset: number; limit: number },
): Promise<Room[]> {
  const memberships = await em.find(
    RoomMember,
    { user: userId },
    {
      populate: ['room'],
      orderBy: { room: { createdAt: 'desc', id: 'desc' } },
      offset: page.offset,
      limit: page.limit,
    },
  );
  return memberships.map((membership) => membership.room);
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
