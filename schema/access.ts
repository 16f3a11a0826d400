/**
 * Who may see and do what: every scope and visibility rule of the API, in one place (docs/security.md).
 * Resolvers and object types ask this module; none decides on its own.
 */

import type { DocumentView } from '../loaders/documents.ts';
import type { Chunk, DocumentVisibility } from '../src/entities/document.ts';
import type { Question } from '../src/entities/quiz.ts';
import type { RoomRole } from '../src/entities/room.ts';
import { roleAtLeast } from '../src/rooms/room-service.ts';
import type { Context } from '../src/transport/context.ts';

/** The viewer's role in a room, or null when they are not an active member (or not signed in). */
export function roomRole(context: Context, roomId: string): Promise<RoomRole | null> {
  return context.loaders.viewerRole.load(roomId);
}

/**
 * The reveal rule: may the viewer see a question's answer, explanation and evidence (the quote, its chunk,
 * pages and highlights, which together locate the answer)? Editors and owners always; a viewer per the
 * quiz's `revealAnswers` (after answering it, after finishing an attempt that answered it, or never);
 * nobody but editors while a live session has the question open.
 */
export async function mayRevealQuestion(context: Context, question: Question): Promise<boolean> {
  const quiz = await context.loaders.quizById.load(question.quiz.id);
  if (!quiz) return false;
  const role = await roomRole(context, quiz.room.id);
  if (roleAtLeast(role, 'EDITOR')) return true;
  if (!role || quiz.revealAnswers === 'NEVER') return false;
  const [answered, liveOpen] = await Promise.all([
    context.loaders.answeredByViewer.load(question.id),
    context.loaders.liveOpenQuestion.load(question.id),
  ]);
  if (liveOpen) return false;
  return quiz.revealAnswers === 'AFTER_EACH' ? answered.answered : answered.inFinishedAttempt;
}

/** A field of a question that only the reveal rule lets through (null otherwise). */
export function revealed<T>(read: (question: Question) => T) {
  return async (question: Question, _args: unknown, context: Context): Promise<T | null> =>
    (await mayRevealQuestion(context, question)) ? read(question) : null;
}

/** How many attempts the viewer may start on a quiz in all (null: unlimited). Editors are not bound. */
export async function attemptLimit(
  context: Context,
  quiz: { room: { id: string }; maxAttempts?: number | null },
): Promise<number | null> {
  return roleAtLeast(await roomRole(context, quiz.room.id), 'EDITOR') ? null : (quiz.maxAttempts ?? null);
}

/** Pending invitations of a room are the owner's business (they name emails nobody else typed). */
export async function mayListInvitations(context: Context, roomId: string): Promise<boolean> {
  return (await roomRole(context, roomId)) === 'OWNER';
}

/**
 * Teacher-only material (docs/school.md): editors and owners read every document of their room, viewers
 * only those whose visibility is MEMBERS. True when the viewer reads editor-only documents too.
 */
export async function readsEditorsOnly(context: Context, roomId: string): Promise<boolean> {
  return roleAtLeast(await roomRole(context, roomId), 'EDITOR');
}

/** May the viewer read this document (and so its chunks, its file, its citations)? */
export async function mayReadDocument(
  context: Context,
  document: { room: { id: string }; visibility: DocumentVisibility },
): Promise<boolean> {
  const role = await roomRole(context, document.room.id);
  return role != null && (document.visibility === 'MEMBERS' || roleAtLeast(role, 'EDITOR'));
}

/** The document when the viewer may read it, else null (as for a missing one). */
export async function readableDocument(context: Context, id: string): Promise<DocumentView | null> {
  const document = await context.loaders.documentById.load(id);
  return document && (await mayReadDocument(context, document)) ? document : null;
}

/** The chunk when the viewer may read its document, else null. */
export async function readableChunk(context: Context, id: string): Promise<Chunk | null> {
  const chunk = await context.loaders.chunkById.load(id);
  return chunk && (await readableDocument(context, chunk.document.id)) ? chunk : null;
}

/**
 * A room's study guide or generated deck is made from documents: a viewer sees it only while none of them
 * is editor-only (a guide of the answer key is the answer key). Editors and owners see it always.
 */
export async function mayReadMadeFrom(
  context: Context,
  made: { room: { id: string }; documentIds: readonly string[] },
): Promise<boolean> {
  if (await readsEditorsOnly(context, made.room.id)) return true;
  const hidden = await context.loaders.editorsOnlyDocuments.load(made.room.id);
  return !made.documentIds.some((id) => hidden.has(id));
}

/**
 * May the viewer read a user's profile (name and email) by its ID? Themself and the people they share an
 * active room with; to anyone else the user is `null`, as a missing one is (finding 24: any signed-in
 * user could read any user's email by global ID). A room's members list shows room-mates by construction.
 */
export function mayReadProfile(context: Context, userId: string): Promise<boolean> {
  return context.loaders.sharesRoomWithViewer.load(userId);
}
