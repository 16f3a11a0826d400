import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseEmail } from '../auth/auth-service.ts';
import { Room, RoomMember, type RoomRole } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { badInput, notFound, rateLimited } from '../errors.ts';

const HOUR_MS = 3600_000;

/**
 * Invites an email to a room. The answer is the same whether or not the email has an account: the
 * invitation names the email, never looks up a user, and is linked to one only when its owner accepts.
 * Inviting an email again changes the role of its pending invitation. An inviter sends at most
 * `perHour` new invitations an hour (all rooms together), counted under a lock so parallel requests
 * cannot all pass.
 */
export async function inviteToRoom(
  em: EntityManager,
  inviterId: string,
  input: { roomId: string; email: string; role: RoomRole },
  limits: { perHour: number },
): Promise<RoomMember> {
  if (input.role === 'OWNER') throw badInput('A room has one owner; choose EDITOR or VIEWER', 'role');
  const email = normaliseEmail(input.email);
  return em.transactional(async (tx) => {
    // One inviter's invitations one at a time: the hourly count below, and the pending check, hold.
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`invite:${inviterId}`]);
    const pending = await tx.findOne(RoomMember, { room: input.roomId, email, status: 'INVITED' });
    if (pending) {
      pending.role = input.role;
      pending.invitedBy = tx.getReference(User, inviterId);
      return pending;
    }
    // Whoever uses this address and is already in the room is known to the owner (the member list shows
    // members' emails): saying so reveals nothing new.
    const [member] = await tx.execute<{ id: string }[]>(
      'select m.id from room_member m join app_user u on u.id = m.user_id where m.room_id = ? and u.email = ?',
      [input.roomId, email],
    );
    if (member) throw badInput('This person is already a member of the room', 'email');
    const sent = await tx.count(RoomMember, {
      invitedBy: inviterId,
      createdAt: { $gt: new Date(Date.now() - HOUR_MS) },
    });
    if (sent >= limits.perHour) {
      const [oldest] = await tx.find(
        RoomMember,
        { invitedBy: inviterId, createdAt: { $gt: new Date(Date.now() - HOUR_MS) } },
        { orderBy: { createdAt: 'asc' }, limit: 1, fields: ['createdAt'] },
      );
      throw rateLimited(
        `You have sent ${limits.perHour} invitations in the last hour; try again later`,
        (oldest?.createdAt.getTime() ?? Date.now()) + HOUR_MS - Date.now(),
        { limit: limits.perHour, windowSeconds: HOUR_MS / 1000 },
      );
    }
    return tx.create(RoomMember, {
      room: tx.getReference(Room, input.roomId),
      user: null,
      email,
      role: input.role,
      status: 'INVITED',
      invitedBy: tx.getReference(User, inviterId),
    });
  });
}

/** The pending invitations to the user's email, newest first. */
export async function invitationsOf(em: EntityManager, userId: string): Promise<RoomMember[]> {
  const user = await em.findOne(User, userId, { fields: ['email'] });
  if (!user) return [];
  return em.find(RoomMember, { email: user.email, status: 'INVITED' }, { orderBy: { createdAt: 'desc' } });
}

/** The viewer's invitation to a room, found by their own email, or NOT_FOUND. */
async function invitationOf(em: EntityManager, userId: string, roomId: string) {
  const user = await em.findOne(User, userId, { fields: ['email'] });
  const invitation =
    user && (await em.findOne(RoomMember, { room: roomId, email: user.email, status: 'INVITED' }));
  if (!invitation) throw notFound('Invitation');
  return invitation;
}

/** The invitee becomes an ACTIVE member with the role they were invited with. */
export async function acceptInvitation(em: EntityManager, userId: string, roomId: string) {
  const invitation = await invitationOf(em, userId, roomId);
  em.assign(invitation, { user: em.getReference(User, userId), status: 'ACTIVE', acceptedAt: new Date() });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw badInput('You are already a member of this room', 'roomId');
    throw error;
  }
  return invitation;
}

export async function declineInvitation(em: EntityManager, userId: string, roomId: string) {
  const invitation = await invitationOf(em, userId, roomId);
  await em.remove(invitation).flush();
}

/** An owner withdraws a pending invitation. */
export async function cancelInvitation(em: EntityManager, roomId: string, email: string) {
  const deleted = await em.nativeDelete(RoomMember, {
    room: roomId,
    email: normaliseEmail(email),
    status: 'INVITED',
  });
  if (deleted === 0) throw notFound('Invitation');
}

/**
 * A member leaves. A room has exactly one owner, and an ownerless room could never be managed again,
 * so the owner cannot leave (nor be removed).
 */
export async function leaveRoom(em: EntityManager, userId: string, roomId: string) {
  await removeActiveMember(em, roomId, userId, 'You own this room: an owner cannot leave it');
}

/** The owner removes another member. */
export async function removeRoomMember(em: EntityManager, roomId: string, userId: string) {
  await removeActiveMember(em, roomId, userId, 'The owner cannot be removed from the room');
}

async function removeActiveMember(em: EntityManager, roomId: string, userId: string, ownerMessage: string) {
  const member = await em.findOne(RoomMember, { room: roomId, user: userId, status: 'ACTIVE' });
  if (!member) throw notFound('Member');
  if (member.role === 'OWNER') throw badInput(ownerMessage, 'userId');
  await em.remove(member).flush();
}
