/**
 * The audit trail through the real server: each action a school answers for leaves one entry (who, what,
 * when, from where) that the room's owners read newest first; sign-ins are the person's own; entries are
 * append-only in the database and swept after the retention period. No document text reaches the log.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAuditLog } from '../../src/audit/audit-service.ts';
import {
  CancelRoomInvitationDocument,
  DeclineRoomInvitationDocument,
  DeleteDocumentDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  GenerateStudyGuideDocument,
  LeaveRoomDocument,
  MyAuditLogDocument,
  RemoveRoomMemberDocument,
  RoomAuditLogDocument,
  SetDocumentVisibilityDocument,
  SignInDocument,
  UpdateRoomBudgetsDocument,
} from '../generated/operations.ts';
import { addMember, call, createRoom, createUser, errorCode, invite, request } from '../helpers/client.ts';
import { makePdf, replaceFile, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const SECRET_TEXT = 'The answer key says photosynthesis happens in the chloroplast stroma';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function auditLog(roomId: string, token: string) {
  const { room } = await call(server.url, RoomAuditLogDocument, { id: roomId, first: 100 }, token);
  return room!.auditLog.edges.map((edge) => edge.node);
}

describe('audit trail', () => {
  it('records membership, document, generation and settings actions for the owners, newest first', async () => {
    const owner = await createUser(server.url, 'Teacher');
    const editor = await createUser(server.url, 'Assistant');
    const decliner = await createUser(server.url, 'Decliner');
    const leaver = await createUser(server.url, 'Leaver');
    const roomId = (await createRoom(server.url, owner, 'Biology')).id;
    await addMember(server.url, owner, roomId, editor, 'EDITOR');
    await invite(server.url, owner, roomId, decliner.email, 'VIEWER');
    await call(server.url, DeclineRoomInvitationDocument, { roomId }, decliner.token);
    await invite(server.url, owner, roomId, 'nobody-yet@example.test', 'VIEWER');
    await call(
      server.url,
      CancelRoomInvitationDocument,
      { input: { roomId, email: 'nobody-yet@example.test' } },
      owner.token,
    );
    await addMember(server.url, owner, roomId, leaver, 'VIEWER');
    await call(server.url, LeaveRoomDocument, { roomId }, leaver.token);

    const pages = [[SECRET_TEXT, 'Light reactions take place in the thylakoid membranes of the leaf.']];
    const upload = await uploadFile(server.url, editor.token, roomId, await makePdf(pages), 'key.pdf');
    const documentId = upload.body.data!.uploadDocument.id;
    expect((await waitForDocument(server.url, editor.token, documentId)).status).toBe('READY');
    await call(
      server.url,
      SetDocumentVisibilityDocument,
      { input: { documentId, visibility: 'EDITORS' } },
      editor.token,
    );
    const replaced = await replaceFile(
      server.url,
      editor.token,
      documentId,
      await makePdf([...pages, ['More.']]),
      'key-2.pdf',
    );
    expect(replaced.body.errors).toBeUndefined();
    expect((await waitForDocument(server.url, editor.token, documentId)).status).toBe('READY');
    const input = { roomId, documentIds: [documentId] };
    const quiz = await call(
      server.url,
      GenerateQuizDocument,
      { input: { ...input, questionCount: 2 } },
      editor.token,
    );
    const deck = await call(
      server.url,
      GenerateFlashcardsDocument,
      { input: { ...input, count: 2 } },
      editor.token,
    );
    const guide = await call(server.url, GenerateStudyGuideDocument, { input }, editor.token);
    await call(
      server.url,
      UpdateRoomBudgetsDocument,
      { input: { roomId, uploadsPerMemberPerDay: 10, llmTokensPerMemberPerDay: null } },
      owner.token,
    );
    await call(server.url, DeleteDocumentDocument, { id: documentId }, editor.token);
    await call(server.url, RemoveRoomMemberDocument, { input: { roomId, userId: editor.id } }, owner.token);

    const log = await auditLog(roomId, owner.token);
    const expected: [string, string][] = [
      ['ROOM_CREATED', owner.id],
      ['MEMBER_INVITED', owner.id],
      ['INVITATION_ACCEPTED', editor.id],
      ['MEMBER_INVITED', owner.id],
      ['INVITATION_DECLINED', decliner.id],
      ['MEMBER_INVITED', owner.id],
      ['INVITATION_CANCELLED', owner.id],
      ['MEMBER_INVITED', owner.id],
      ['INVITATION_ACCEPTED', leaver.id],
      ['MEMBER_LEFT', leaver.id],
      ['DOCUMENT_UPLOADED', editor.id],
      ['DOCUMENT_VISIBILITY_CHANGED', editor.id],
      ['DOCUMENT_REPLACED', editor.id],
      ['QUIZ_GENERATED', editor.id],
      ['DECK_GENERATED', editor.id],
      ['STUDY_GUIDE_GENERATED', editor.id],
      ['SETTINGS_CHANGED', owner.id],
      ['DOCUMENT_DELETED', editor.id],
      ['MEMBER_REMOVED', owner.id],
    ];
    expect(log.map((entry) => [entry.action, entry.actor?.id])).toEqual(expected.reverse());
    for (const entry of log) {
      expect(entry.address).toMatch(/127\.0\.0\.1/);
      expect(Date.now() - new Date(entry.at).getTime()).toBeLessThan(120_000);
    }
    const byAction = (action: string) => log.filter((entry) => entry.action === action);
    expect(byAction('DOCUMENT_DELETED')[0]).toMatchObject({ subjectId: documentId, subjectType: 'Document' });
    expect(byAction('DOCUMENT_REPLACED')[0]!.detail).toMatchObject({ filename: 'key-2.pdf', version: 2 });
    expect(byAction('DOCUMENT_VISIBILITY_CHANGED')[0]!.detail).toEqual({ visibility: 'EDITORS' });
    expect(byAction('QUIZ_GENERATED')[0]!.subjectId).toBe(quiz.generateQuiz.id);
    expect(byAction('DECK_GENERATED')[0]!.subjectId).toBe(deck.generateFlashcards.id);
    expect(byAction('STUDY_GUIDE_GENERATED')[0]!.subjectId).toBe(guide.generateStudyGuide.id);
    expect(byAction('MEMBER_REMOVED')[0]!.subjectId).toBe(editor.id);
    expect(byAction('SETTINGS_CHANGED')[0]!.detail).toEqual({
      uploadsPerMemberPerDay: 10,
      llmTokensPerMemberPerDay: null,
    });
    expect(byAction('INVITATION_CANCELLED')[0]!.detail).toEqual({ email: 'nobody-yet@example.test' });
    // Names and sizes, never the document's text.
    expect(JSON.stringify(log)).not.toMatch(/photosynthesis|thylakoid/);

    // Pages, newest first.
    const first = await call(server.url, RoomAuditLogDocument, { id: roomId, first: 5 }, owner.token);
    const page = first.room!.auditLog;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await call(
      server.url,
      RoomAuditLogDocument,
      { id: roomId, first: 5, after: page.pageInfo.endCursor },
      owner.token,
    );
    expect(next.room!.auditLog.edges.map((edge) => edge.node.action)).toEqual(
      log.slice(5, 10).map((e) => e.action),
    );

    // Owners only.
    const viewer = await createUser(server.url, 'Student');
    await addMember(server.url, owner, roomId, viewer, 'VIEWER');
    const refused = await request(server.url, RoomAuditLogDocument, { id: roomId }, viewer.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it("shows a person their own sign-ins with the address, and nobody else's", async () => {
    const student = await createUser(server.url, 'Signer');
    await call(server.url, SignInDocument, {
      input: { email: student.email, password: 'correct horse battery' },
    });
    const failed = await request(server.url, SignInDocument, {
      input: { email: student.email, password: 'wrong password here' },
    });
    expect(failed.errors).toBeDefined();
    const { me } = await call(server.url, MyAuditLogDocument, {}, student.token);
    const entries = me!.auditLog.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.action)).toEqual(['SIGNED_IN']);
    expect(entries[0]).toMatchObject({ actor: { id: student.id }, subjectType: 'User' });
    expect(entries[0]!.address).toMatch(/127\.0\.0\.1/);
    const other = await createUser(server.url, 'Other');
    const theirs = await call(server.url, MyAuditLogDocument, {}, other.token);
    expect(theirs.me!.auditLog.edges).toEqual([]);
  });

  it('is append-only in the database and swept after the retention period', async () => {
    const owner = await createUser(server.url, 'Old Teacher');
    const realClock = server.services.clock;
    const now = new Date();
    server.services.clock = { now: () => new Date(now.getTime() - 400 * 86_400_000) };
    let oldRoom: string;
    try {
      oldRoom = (await createRoom(server.url, owner, 'Last year')).id;
    } finally {
      server.services.clock = realClock;
    }
    const newRoom = (await createRoom(server.url, owner, 'This year')).id;
    const sql = server.services.orm.em.getConnection();
    const roomUuid = decodeGlobalID(newRoom).id;
    const someoneElse = decodeGlobalID((await createUser(server.url, 'Someone')).id).id;
    await expect(
      sql.execute(`update audit_entry set action = 'SIGNED_IN' where room_id = ?`, [roomUuid]),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql.execute(`update audit_entry set actor_id = ? where room_id = ?`, [someoneElse, roomUuid]),
    ).rejects.toThrow(/append-only/);
    // Erasing an account clears the actor, which the trigger allows.
    await sql.execute(`update audit_entry set actor_id = null where room_id = ?`, [roomUuid]);

    expect((await auditLog(oldRoom, owner.token)).map((entry) => entry.action)).toEqual(['ROOM_CREATED']);
    const deleted = await sweepAuditLog(server.services.orm.em.fork() as EntityManager, now, 365);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await auditLog(oldRoom, owner.token)).toEqual([]);
    const kept = await auditLog(newRoom, owner.token);
    expect(kept.map((entry) => [entry.action, entry.actor])).toEqual([['ROOM_CREATED', null]]);
  });
});
