/**
 * A person's data on request, through the real server: `exportMyData` gives a link to a zip holding each
 * section with the person's own rows and nobody else's; `deleteMyAccount` asks for the password again,
 * then leaves no row in any table that references the person (the list of such columns comes from the
 * ORM's metadata, so a new table is covered without touching this test), hands a room with an editor to
 * that editor, and deletes a room without one together with its documents' bytes and vectors.
 */
import { ReferenceKind } from '@mikro-orm/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry } from '../../src/documents/engine/zip-directory.ts';
import {
  DeleteMyAccountDocument,
  ExportMyDataDocument,
  FinishQuizAttemptDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  ReviewCardDocument,
  ReviewQueueDocument,
  RoomAuditLogDocument,
  RoomsDocument,
  StartQuizAttemptDocument,
  SubmitAnswerDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  invite,
  request,
} from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { loadDeck } from '../helpers/flashcards.ts';
import { loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'correct horse battery';
const PAGES = [
  [
    'Photosynthesis converts light energy into chemical energy stored in glucose.',
    'The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast.',
    'Chlorophyll absorbs red and blue light and reflects green light.',
  ],
  [
    'Mitochondria release energy from glucose through cellular respiration.',
    'The electron transport chain pumps protons across the inner mitochondrial membrane.',
    'Oxygen is the final electron acceptor of the electron transport chain.',
  ],
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const raw = (globalId: string) => decodeGlobalID(globalId).id;

async function readyDocument(actor: Actor, roomId: string, name: string) {
  const uploaded = await uploadFile(server.url, actor.token, roomId, await makePdf(PAGES), name);
  const id = uploaded.body.data!.uploadDocument.id;
  await waitForDocument(server.url, actor.token, id);
  return id;
}

async function until<T>(load: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await load();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A conversation with one answered question, an attempt with an answer, and a reviewed card. */
async function personalRows(actor: Actor, roomId: string, quizId: string) {
  const conversation = await startConversation(server.url, actor.token, roomId, `${actor.displayName} notes`);
  const message = await ask(server.url, actor.token, conversation.id, 'Where does the Calvin cycle happen?');
  await collectStream(server.wsUrl, actor.token, message.id);
  const quiz = await loadQuiz(server.url, actor.token, quizId);
  const { startQuizAttempt: attempt } = await call(
    server.url,
    StartQuizAttemptDocument,
    { quizId },
    actor.token,
  );
  const question = quiz.questions.edges[0]!.node;
  await call(
    server.url,
    SubmitAnswerDocument,
    { input: { attemptId: attempt.id, questionId: question.id, answer: question.options[0] ?? 'stroma' } },
    actor.token,
  );
  await call(server.url, FinishQuizAttemptDocument, { attemptId: attempt.id }, actor.token);
  const { reviewQueue } = await call(server.url, ReviewQueueDocument, { roomId, first: 1 }, actor.token);
  const cardId = reviewQueue[0]!.card.id;
  await call(server.url, ReviewCardDocument, { input: { cardId, rating: 'GOOD' } }, actor.token);
  return { conversationId: conversation.id, messageId: message.id, attemptId: attempt.id, cardId };
}

interface World {
  teacher: Actor;
  assistant: Actor;
  student: Actor;
  keptRoomId: string;
  doomedRoomId: string;
  doomedDocumentId: string;
  keptDocumentId: string;
  teacherRows: Awaited<ReturnType<typeof personalRows>>;
  studentRows: Awaited<ReturnType<typeof personalRows>>;
}

/**
 * A teacher owning two rooms: one with an assistant (EDITOR) and a student, one with only the student;
 * each person with a conversation, an attempt and a reviewed card in the first room, and the teacher with
 * a pending invitation to a third room.
 */
async function buildWorld(): Promise<World> {
  const teacher = await createUser(server.url, 'Teacher');
  const assistant = await createUser(server.url, 'Assistant');
  const student = await createUser(server.url, 'Student');
  const stranger = await createUser(server.url, 'Other school');
  const keptRoomId = (await createRoom(server.url, teacher, 'Biology')).id;
  const doomedRoomId = (await createRoom(server.url, teacher, 'Teacher drafts')).id;
  await addMember(server.url, teacher, keptRoomId, assistant, 'EDITOR');
  await addMember(server.url, teacher, keptRoomId, student, 'VIEWER');
  await addMember(server.url, teacher, doomedRoomId, student, 'VIEWER');
  const otherRoomId = (await createRoom(server.url, stranger, 'Elsewhere')).id;
  await invite(server.url, stranger, otherRoomId, teacher.email, 'VIEWER');

  const keptDocumentId = await readyDocument(teacher, keptRoomId, 'biology.pdf');
  const doomedDocumentId = await readyDocument(teacher, doomedRoomId, 'drafts.pdf');
  const { generateQuiz } = await call(
    server.url,
    GenerateQuizDocument,
    { input: { roomId: keptRoomId, questionCount: 3, kinds: ['MULTIPLE_CHOICE'] } },
    teacher.token,
  );
  await until(
    () => loadQuiz(server.url, teacher.token, generateQuiz.id),
    (q) => q.status !== 'GENERATING',
    'quiz',
  );
  const { generateFlashcards } = await call(
    server.url,
    GenerateFlashcardsDocument,
    { input: { roomId: keptRoomId, count: 3 } },
    teacher.token,
  );
  await until(
    () => loadDeck(server.url, teacher.token, generateFlashcards.id),
    (d) => d.status !== 'GENERATING',
    'deck',
  );
  const teacherRows = await personalRows(teacher, keptRoomId, generateQuiz.id);
  const studentRows = await personalRows(student, keptRoomId, generateQuiz.id);
  await startConversation(server.url, student.token, doomedRoomId, 'Student in the drafts room');
  return {
    teacher,
    assistant,
    student,
    keptRoomId,
    doomedRoomId,
    doomedDocumentId,
    keptDocumentId,
    teacherRows,
    studentRows,
  };
}

async function download(url: string) {
  return fetch(new URL(url, server.origin));
}

function unzip(bytes: Uint8Array): Record<string, unknown> {
  return Object.fromEntries(
    readZipDirectory(bytes).map((entry) => [
      entry.name,
      JSON.parse(new TextDecoder().decode(readZipEntry(bytes, entry))),
    ]),
  );
}

/** Every (table, column) whose foreign key points at the user table, from the ORM's metadata. */
function userReferences() {
  const columns: { table: string; column: string }[] = [];
  for (const meta of server.services.orm.getMetadata()) {
    for (const prop of Object.values(meta.properties)) {
      const reference = prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE;
      if (reference && prop.targetMeta?.tableName === 'app_user')
        for (const column of prop.fieldNames) columns.push({ table: meta.tableName, column });
    }
  }
  return columns;
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 180_000);

describe('exportMyData', () => {
  it("zips each section with the viewer's own rows and none of another person's", async () => {
    const { teacher, teacherRows, studentRows } = world;
    const { exportMyData } = await call(server.url, ExportMyDataDocument, {}, teacher.token);
    expect(exportMyData.sections).toEqual(['account', 'memberships', 'conversations', 'attempts', 'reviews']);
    expect(new Date(exportMyData.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const response = await download(exportMyData.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzip(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(exportMyData.sections.map((s) => `${s}.json`).sort());

    const account = files['account.json'] as { id: string; email: string };
    expect(account).toMatchObject({ id: raw(teacher.id), email: teacher.email });
    const memberships = files['memberships.json'] as { room: { id: string }; role: string; status: string }[];
    expect(memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          room: expect.objectContaining({ id: raw(world.keptRoomId) }),
          role: 'OWNER',
        }),
        expect.objectContaining({
          room: expect.objectContaining({ id: raw(world.doomedRoomId) }),
          role: 'OWNER',
        }),
        expect.objectContaining({ status: 'INVITED', role: 'VIEWER' }),
      ]),
    );
    expect(memberships).toHaveLength(3);
    const conversations = files['conversations.json'] as { id: string; messages: { id: string }[] }[];
    expect(conversations.map((c) => c.id)).toEqual([raw(teacherRows.conversationId)]);
    expect(conversations[0]!.messages.map((m) => m.id)).toContain(raw(teacherRows.messageId));
    expect(conversations[0]!.messages).toHaveLength(2);
    const attempts = files['attempts.json'] as { id: string; answers: unknown[] }[];
    expect(attempts.map((a) => a.id)).toEqual([raw(teacherRows.attemptId)]);
    expect(attempts[0]!.answers).toHaveLength(1);
    const reviews = files['reviews.json'] as { cards: { card: { id: string } }[]; history: unknown[] };
    expect(reviews.cards.map((r) => r.card.id)).toEqual([raw(teacherRows.cardId)]);
    expect(reviews.history).toHaveLength(1);

    const text = JSON.stringify(files);
    for (const id of [studentRows.conversationId, studentRows.attemptId, world.student.id])
      expect(text).not.toContain(raw(id));
    expect(text).not.toContain(world.student.email);
  });

  it('refuses a forged, foreign or revoked link, and anonymous callers', async () => {
    expect((await download('/exports/not-a-token')).status).toBe(410);
    // A sign-in token is not a download link.
    expect((await download(`/exports/${world.student.token}`)).status).toBe(410);
    expect(errorCode(await request(server.url, ExportMyDataDocument, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('deleteMyAccount', () => {
  it('refuses a wrong password with BAD_USER_INPUT and changes nothing', async () => {
    const result = await request(
      server.url,
      DeleteMyAccountDocument,
      { input: { password: 'not my password at all' } },
      world.teacher.token,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/password/);
    const { rooms } = await call(server.url, RoomsDocument, { first: 10 }, world.teacher.token);
    expect(rooms.edges).toHaveLength(2);
  });

  it('leaves no row, blob or vector of the person; hands a room to its editor, deletes one without', async () => {
    const { teacher, assistant, student, keptRoomId, doomedRoomId } = world;
    const userId = raw(teacher.id);
    const sql = server.services.orm.em.getConnection();
    const doomedRoom = raw(doomedRoomId);
    expect(await server.services.vectorStore.count(doomedRoom)).toBeGreaterThan(0);
    const { exportMyData: link } = await call(server.url, ExportMyDataDocument, {}, teacher.token);

    const { deleteMyAccount } = await call(
      server.url,
      DeleteMyAccountDocument,
      { input: { password: PASSWORD } },
      teacher.token,
    );
    expect(deleteMyAccount).toEqual({
      deletedUserId: teacher.id,
      transferredRoomIds: [keptRoomId],
      deletedRoomIds: [doomedRoomId],
    });

    // Every user-referencing column of every table, from the metadata.
    const references = userReferences();
    expect(references.map((r) => r.table)).toEqual(
      expect.arrayContaining(['conversation', 'quiz_attempt', 'card_review', 'room_member', 'audit_entry']),
    );
    for (const { table, column } of references) {
      const [row] = await sql.execute<{ n: string }[]>(
        `select count(*) as n from "${table}" where "${column}" = ?`,
        [userId],
      );
      expect(Number(row!.n), `${table}.${column}`).toBe(0);
    }
    const [invitations] = await sql.execute<{ n: string }[]>(
      'select count(*) as n from room_member where email = ?',
      [teacher.email],
    );
    expect(Number(invitations!.n)).toBe(0);

    // The room without an editor is gone with its bytes and vectors; the other keeps its own.
    const [rooms] = await sql.execute<{ n: string }[]>('select count(*) as n from room where id = ?', [
      doomedRoom,
    ]);
    expect(Number(rooms!.n)).toBe(0);
    const [blobs] = await sql.execute<{ n: string }[]>(
      'select count(*) as n from document_blob where key = ?',
      [raw(world.doomedDocumentId)],
    );
    expect(Number(blobs!.n)).toBe(0);
    expect(await server.services.vectorStore.count(doomedRoom)).toBe(0);
    expect(server.services.vectorStore.kind).toBe('postgres');
    const [vectors] = await sql.execute<{ n: string }[]>(
      'select count(*) as n from vector_entry where room_id = ?',
      [doomedRoom],
    );
    expect(Number(vectors!.n)).toBe(0);
    const [keptBlobs] = await sql.execute<{ n: string }[]>(
      'select count(*) as n from document_blob where key = ?',
      [raw(world.keptDocumentId)],
    );
    expect(Number(keptBlobs!.n)).toBe(1);
    expect(await server.services.vectorStore.count(raw(keptRoomId))).toBeGreaterThan(0);

    // The assistant owns the kept room now, and its trail says so with the erased actor cleared.
    const { rooms: assistantRooms } = await call(server.url, RoomsDocument, { first: 10 }, assistant.token);
    expect(assistantRooms.edges.find((e) => e.node.id === keptRoomId)?.node.viewerRole).toBe('OWNER');
    const { room } = await call(
      server.url,
      RoomAuditLogDocument,
      { id: keptRoomId, first: 100 },
      assistant.token,
    );
    const entries = room!.auditLog.edges.map((edge) => edge.node);
    const transfer = entries.find((entry) => entry.action === 'OWNERSHIP_TRANSFERRED');
    expect(transfer).toMatchObject({ actor: null, subjectId: assistant.id });
    expect(entries.find((entry) => entry.action === 'ROOM_CREATED')).toMatchObject({ actor: null });
    // The student's own rows in the kept room are untouched.
    const [studentReviews] = await sql.execute<{ n: string }[]>(
      'select count(*) as n from card_review where user_id = ?',
      [raw(student.id)],
    );
    expect(Number(studentReviews!.n)).toBe(1);
    // The account's tokens and download links stop working.
    expect(errorCode(await request(server.url, RoomsDocument, { first: 1 }, teacher.token))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await download(link.url)).status).toBe(410);
    const [audit] = await sql.execute<{ action: string; actor_id: string | null }[]>(
      `select action, actor_id from audit_entry where subject_id = ? and action = 'ACCOUNT_DELETED'`,
      [userId],
    );
    expect(audit).toEqual({ action: 'ACCOUNT_DELETED', actor_id: null });
  });
});
