import type { EntityManager } from '@mikro-orm/postgresql';
import { type BudgetName, withBudgets } from '../budgets/engine/budgets.ts';
import { findRows } from '../db/read-rows.ts';
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
 * reading memberships joined to their rooms. The rooms are read-only rows, not managed entities: a
 * dashboard lists them and never changes them (src/db/read-rows.ts).
 */
export async function listRoomsOf(
  em: EntityManager,
  userId: string,
  page: { offset: number; limit: number },
): Promise<{ room: Room; role: RoomRole }[]> {
  const memberships = await findRows<RoomMember, { room: Room; role: RoomRole }>(
    em,
    RoomMember,
    { user: userId, status: 'ACTIVE' },
    {
      fields: ['role'],
      join: { room: ROOM_COLUMNS },
      orderBy: { room: { createdAt: 'desc', id: 'desc' } },
      limit: page.limit,
      offset: page.offset,
    },
  );
  return memberships.map(({ room, role }) => ({ room, role }));
}

/** What a room row carries when read as a list: every column the Room type and its scopes read. */
const ROOM_COLUMNS = [
  'createdAt',
  'name',
  'description',
  'embedderId',
  'newCardsPerDay',
  'vectorKey',
  'reembed',
];

/** Changes the settings given (the others keep their values). */
export async function updateRoomSettings(
  em: EntityManager,
  roomId: string,
  settings: {
    newCardsPerDay?: number | null;
    budgets?: Partial<Record<BudgetName, number | null | undefined>>;
  },
): Promise<Room> {
  const room = await em.findOneOrFail(Room, roomId);
  if (settings.newCardsPerDay != null) room.newCardsPerDay = settings.newCardsPerDay;
  if (settings.budgets) room.budgets = withBudgets(room.budgets, settings.budgets);
  await em.flush();
  return room;
}
