/**
 * Erasing a person's account on request (docs/school.md). The password is asked again; then every row
 * that is the person's own goes: the account, and by its foreign keys their memberships, conversations
 * with their messages, quiz attempts, flashcard reviews, private study guides, missed-questions deck,
 * live sessions hosted and played, and usage counters; their pending invitations (kept by email) are
 * deleted too, and every token they hold stops working. Room material they made (documents, quizzes,
 * decks) stays with its room, its `uploadedBy`/`createdBy` cleared; the audit trail keeps its entries with
 * the actor cleared.
 *
 * A room the person owns goes to its longest-standing editor, who becomes its owner. A room with no
 * editor is deleted with everything in it (documents, their bytes and vectors, every member's work in
 * it): a school would not want a student handed a teacher's room and its editor-only material.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditSource, recordAudit } from '../audit/audit-service.ts';
import { revokeTokens } from '../auth/auth-service.ts';
import { verifyPassword } from '../auth/password.ts';
import { Document, DocumentBlob } from '../entities/document.ts';
import { Room, RoomMember } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { badInput } from '../errors.ts';
import { QUEUES } from '../jobs/queue.ts';
import { allVectorKeys } from '../retrieval/room-vectors.ts';
import type { Services } from '../services.ts';

export interface AccountDeletion {
  userId: string;
  /** Rooms the person owned that now belong to their longest-standing editor. */
  transferredRoomIds: string[];
  /** Rooms the person owned that had no editor, deleted with their documents' bytes and vectors. */
  deletedRoomIds: string[];
}

type DeletionServices = Pick<
  Services,
  'authLimits' | 'tokens' | 'tokenVersions' | 'pubsub' | 'queue' | 'vectorStore' | 'clock'
>;

export async function deleteAccount(
  source: AuditSource & { services: DeletionServices },
  userId: string,
  password: string,
): Promise<AccountDeletion> {
  const { em, services } = source;
  const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash'] });
  // Counted as a sign-in, so the password cannot be guessed here faster than at signIn.
  const attempt = services.authLimits.beginSignIn(user.email, source.clientAddress);
  if (!(await verifyPassword(password, user.passwordHash)))
    throw badInput('password: is incorrect; give your current password to delete your account', 'password');
  attempt.succeeded();

  const owned = await em.find(RoomMember, { user: userId, role: 'OWNER', status: 'ACTIVE' });
  const transfers: { roomId: string; heir: RoomMember }[] = [];
  const doomed: Room[] = [];
  for (const ownership of owned) {
    const heir = await longestStandingEditor(em, ownership.room.id);
    if (heir) transfers.push({ roomId: ownership.room.id, heir });
    else doomed.push(await em.findOneOrFail(Room, ownership.room.id, { disableIdentityMap: true }));
  }

  // Bytes outside the database's cascades first: vectors (PostgreSQL store or Weaviate) and ingest jobs.
  for (const room of doomed) {
    const documents = await em.find(Document, { room: room.id }, { fields: ['id', 'jobId'] });
    for (const document of documents)
      if (document.jobId) await services.queue.cancel(QUEUES.ingest, document.jobId).catch(() => undefined);
    for (const key of allVectorKeys(room)) await services.vectorStore.dropRoom(key);
  }
  await revokeTokens(em, services, userId);

  await em.transactional(async (tx) => {
    const audit = { ...source, em: tx };
    for (const { roomId, heir } of transfers) {
      await tx.nativeUpdate(RoomMember, { id: heir.id }, { role: 'OWNER' });
      await recordAudit(audit, {
        roomId,
        action: 'OWNERSHIP_TRANSFERRED',
        subject: { type: 'User', id: heir.user!.id },
        detail: { reason: 'owner deleted their account', previousRole: heir.role },
      });
    }
    for (const room of doomed) {
      const documents = await tx.find(Document, { room: room.id }, { fields: ['id'] });
      await tx.nativeDelete(DocumentBlob, { key: { $in: documents.map((d) => d.id) } });
      await tx.nativeDelete(Room, { id: room.id });
      await recordAudit(audit, {
        roomId: room.id,
        action: 'ROOM_DELETED',
        subject: { type: 'Room', id: room.id },
        detail: { reason: 'owner deleted their account', documents: documents.length },
      });
    }
    await tx.nativeDelete(RoomMember, { email: user.email, status: 'INVITED' });
    // Recorded before the account goes: deleting it clears this entry's actor like every other.
    await recordAudit(audit, {
      roomId: null,
      action: 'ACCOUNT_DELETED',
      subject: { type: 'User', id: userId },
      detail: { transferredRooms: transfers.length, deletedRooms: doomed.length },
    });
    await tx.nativeDelete(User, { id: userId });
  });
  services.tokenVersions.set(userId, null);
  return {
    userId,
    transferredRoomIds: transfers.map((t) => t.roomId),
    deletedRoomIds: doomed.map((room) => room.id),
  };
}

/** The active editor who joined the room first (an accepted invitation counts from its acceptance). */
async function longestStandingEditor(em: EntityManager, roomId: string): Promise<RoomMember | null> {
  const editors = await em.find(RoomMember, { room: roomId, role: 'EDITOR', status: 'ACTIVE' });
  const joined = (member: RoomMember) => (member.acceptedAt ?? member.createdAt).getTime();
  return editors.sort((a, b) => joined(a) - joined(b))[0] ?? null;
}
