/**
 * Teacher-only material through the real server: an EDITORS document never reaches a viewer's search,
 * answers, citations, study guides, flashcards, node(id) or file route, while editors use it everywhere and
 * make quizzes from it whose evidence a viewer sees only after answering (and without the document).
 */

import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChunkNodeDocument,
  DeckDocument,
  DocumentChunksDocument,
  DocumentDocument,
  DocumentProgressDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  GenerateStudyGuideDocument,
  MessageDocument,
  ReviewQueueDocument,
  RoomDecksDocument,
  RoomDocumentVisibilityDocument,
  RoomStudyGuidesDocument,
  SearchDocument,
  SetDocumentVisibilityDocument,
  StartQuizAttemptDocument,
  StudyGuideDocument,
  SubmitAnswerDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
  wsClient,
} from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { uploadFile, waitForDocument } from '../helpers/documents.ts';
import { followDeck } from '../helpers/flashcards.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const CLASS_NOTES = `# Cell biology

Photosynthesis is the process by which green plants convert light energy into chemical energy.
Chlorophyll is a green pigment that absorbs red and blue light inside the chloroplasts of plant cells.
The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast during daylight.
Mitochondria are organelles that release most of the chemical energy a cell needs from glucose.
Osmosis is the movement of water molecules across a semipermeable membrane toward higher solute concentration.
`;

// Words that occur nowhere else, so any of them in a viewer's result is a leak.
const ANSWER_KEY = `# Answer key for the unit test

The Quetzalcoatl protocol is the marking scheme that awards four points for naming citrate synthase.
Citrate synthase is the enzyme that joins acetyl coenzyme A to oxaloacetate at the start of the Krebs cycle.
The Zanzibar rubric is the grading guide that gives half marks when students mention pyruvate carboxylase.
Pyruvate carboxylase is the enzyme that turns pyruvate into oxaloacetate inside the mitochondrial matrix.
The Kilimanjaro threshold is the pass mark of sixty two percent that the examiners agreed for this unit.
Question seven expects the students to explain how the Quetzalcoatl protocol treats partial answers.
`;
const SECRET_WORDS = /quetzalcoatl|zanzibar|kilimanjaro/i;

let server: TestServer;
let owner: Actor;
let editor: Actor;
let viewer: Actor;
let roomId: string;
let notesId: string;
let keyId: string;

async function upload(text: string, name: string, visibility?: 'MEMBERS' | 'EDITORS') {
  const result = await uploadFile(server.url, owner.token, roomId, new TextEncoder().encode(text), name, {
    visibility,
  });
  const document = await waitForDocument(server.url, owner.token, result.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
  return document.id;
}

const search = async (actor: Actor, query: string) =>
  (await call(server.url, SearchDocument, { roomId, query, limit: 20 }, actor.token)).search;

const setVisibility = (actor: Actor, documentId: string, visibility: 'MEMBERS' | 'EDITORS') =>
  request(server.url, SetDocumentVisibilityDocument, { input: { documentId, visibility } }, actor.token);

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor, viewer] = await Promise.all([
    createUser(server.url, 'Owner'),
    createUser(server.url, 'Editor'),
    createUser(server.url, 'Viewer'),
  ]);
  roomId = (await createRoom(server.url, owner)).id;
  await addMember(server.url, owner, roomId, editor, 'EDITOR');
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
  notesId = await upload(CLASS_NOTES, 'notes.md');
  keyId = await upload(ANSWER_KEY, 'answer-key.md', 'EDITORS');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('an EDITORS document', () => {
  it('is listed, found and readable for editors and owners only', async () => {
    const listed = async (actor: Actor) =>
      (
        await call(server.url, RoomDocumentVisibilityDocument, { id: roomId }, actor.token)
      ).room.documents.edges.map((edge) => edge.node);
    expect((await listed(editor)).map((d) => [d.id, d.visibility]).sort()).toEqual(
      [
        [keyId, 'EDITORS'],
        [notesId, 'MEMBERS'],
      ].sort(),
    );
    expect((await listed(viewer)).map((d) => d.id)).toEqual([notesId]);

    expect((await call(server.url, DocumentDocument, { id: keyId }, viewer.token)).node).toBeNull();
    expect((await call(server.url, DocumentDocument, { id: keyId }, editor.token)).node?.__typename).toBe(
      'Document',
    );
    const chunks = await call(server.url, DocumentChunksDocument, { id: keyId, first: 5 }, editor.token);
    const chunkId = chunks.node && 'chunks' in chunks.node ? chunks.node.chunks.edges[0]!.node.id : '';
    expect(chunkId).not.toBe('');
    expect((await call(server.url, ChunkNodeDocument, { id: chunkId }, viewer.token)).node).toBeNull();
    expect((await call(server.url, ChunkNodeDocument, { id: chunkId }, editor.token)).node).not.toBeNull();

    const file = (actor: Actor) =>
      fetch(`${server.origin}/documents/${encodeURIComponent(keyId)}/file`, {
        headers: { authorization: `Bearer ${actor.token}` },
      });
    expect((await file(viewer)).status).toBe(404);
    expect((await file(editor)).status).toBe(200);
  });

  it('never reaches a viewer’s search, while editors find it', async () => {
    const query = 'Quetzalcoatl protocol marking scheme citrate synthase';
    const editorHits = await search(editor, query);
    expect(editorHits[0]?.chunk.document.id).toBe(keyId);
    const viewerHits = await search(viewer, query);
    expect(viewerHits.every((hit) => hit.chunk.document.id === notesId)).toBe(true);
    expect(viewerHits.some((hit) => SECRET_WORDS.test(hit.chunk.text))).toBe(false);
  });

  it('is no source of a viewer’s answer, and a source of an editor’s', async () => {
    const question = 'What does the Quetzalcoatl protocol award points for?';
    const answerOf = async (actor: Actor) => {
      const conversation = await startConversation(server.url, actor.token, roomId);
      const message = await ask(server.url, actor.token, conversation.id, question);
      const events = await collectStream(server.wsUrl, actor.token, message.id);
      return events.at(-1)!.message!;
    };
    const forViewer = await answerOf(viewer);
    expect(forViewer.status).toBe('COMPLETE');
    expect(forViewer.content).not.toMatch(SECRET_WORDS);
    expect(forViewer.citations.every((c) => c.document?.id !== keyId)).toBe(true);
    const forEditor = await answerOf(editor);
    expect(forEditor.citations.some((c) => c.document?.id === keyId)).toBe(true);
  });

  it('leaves a viewer’s past citations when it becomes editor-only, and they come back with it', async () => {
    const conversation = await startConversation(server.url, viewer.token, roomId);
    const message = await ask(server.url, viewer.token, conversation.id, 'What does chlorophyll absorb?');
    const done = (await collectStream(server.wsUrl, viewer.token, message.id)).at(-1)!.message!;
    expect(done.citations.some((c) => c.document?.id === notesId)).toBe(true);

    expect(errorCode(await setVisibility(viewer, notesId, 'EDITORS'))).toBe('FORBIDDEN');
    expect((await setVisibility(editor, notesId, 'EDITORS')).data?.setDocumentVisibility.visibility).toBe(
      'EDITORS',
    );
    try {
      const stored = await call(server.url, MessageDocument, { id: message.id }, viewer.token);
      const citations = stored.node?.__typename === 'Message' ? stored.node.citations : null;
      expect(citations).toEqual([]);
      expect(await search(viewer, 'chlorophyll pigment absorbs red and blue light')).toEqual([]);
      // Now unknown to the viewer, as a missing document.
      expect(errorCode(await setVisibility(viewer, notesId, 'MEMBERS'))).toBe('NOT_FOUND');
    } finally {
      await setVisibility(editor, notesId, 'MEMBERS');
    }
    const again = await call(server.url, MessageDocument, { id: message.id }, viewer.token);
    expect(again.node?.__typename === 'Message' && again.node.citations.length).toBeGreaterThan(0);
  });

  it('is refused to a viewer’s study guide, and hides an editor’s guide made from it', async () => {
    const refused = await request(
      server.url,
      GenerateStudyGuideDocument,
      { input: { roomId, documentIds: [keyId] } },
      viewer.token,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const own = (await call(server.url, GenerateStudyGuideDocument, { input: { roomId } }, viewer.token))
      .generateStudyGuide;
    const shared = (await call(server.url, GenerateStudyGuideDocument, { input: { roomId } }, editor.token))
      .generateStudyGuide;
    const notesOnly = (
      await call(
        server.url,
        GenerateStudyGuideDocument,
        { input: { roomId, documentIds: [notesId] } },
        editor.token,
      )
    ).generateStudyGuide;
    const finished = async (actor: Actor, id: string) => {
      for (;;) {
        const { node } = await call(server.url, StudyGuideDocument, { id }, actor.token);
        if (node?.__typename === 'StudyGuide' && node.status !== 'GENERATING') return node;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const ownGuide = await finished(viewer, own.id);
    expect(ownGuide.status).toBe('READY');
    expect(ownGuide.content).not.toMatch(SECRET_WORDS);
    expect(ownGuide.sections.every((section) => section.document?.id === notesId)).toBe(true);
    const sharedGuide = await finished(editor, shared.id);
    expect(sharedGuide.content).toMatch(SECRET_WORDS);
    await finished(editor, notesOnly.id);

    expect((await call(server.url, StudyGuideDocument, { id: shared.id }, viewer.token)).node).toBeNull();
    const listed = await call(server.url, RoomStudyGuidesDocument, { id: roomId }, viewer.token);
    const ids = listed.room.studyGuides.edges.map((edge) => edge.node.id);
    expect(ids).toContain(notesOnly.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(shared.id);
  });

  it('keeps a deck made from it out of viewers’ decks and review queue', async () => {
    const generate = async (documentIds: string[]) => {
      const { generateFlashcards } = await call(
        server.url,
        GenerateFlashcardsDocument,
        { input: { roomId, documentIds, count: 4 } },
        editor.token,
      );
      expect((await followDeck(server.wsUrl, editor.token, generateFlashcards.id)).at(-1)!.status).toBe(
        'READY',
      );
      return generateFlashcards.id;
    };
    const keyDeck = await generate([keyId]);
    const notesDeck = await generate([notesId]);
    const editorDeck = await call(server.url, DeckDocument, { id: keyDeck }, editor.token);
    expect(editorDeck.node?.__typename === 'Deck' && editorDeck.node.cardCount).toBeGreaterThan(0);

    expect((await call(server.url, DeckDocument, { id: keyDeck }, viewer.token)).node).toBeNull();
    const decks = (await call(server.url, RoomDecksDocument, { id: roomId }, viewer.token)).room.decks.edges;
    expect(decks.map((edge) => edge.node.id)).toContain(notesDeck);
    expect(decks.map((edge) => edge.node.id)).not.toContain(keyDeck);
    const queue = (await call(server.url, ReviewQueueDocument, { roomId, first: 200 }, viewer.token))
      .reviewQueue;
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((item) => item.card.deck.id !== keyDeck)).toBe(true);
    expect(queue.some((item) => SECRET_WORDS.test(`${item.card.front} ${item.card.back}`))).toBe(false);
    const refused = await request(server.url, ReviewQueueDocument, { roomId, deckId: keyDeck }, viewer.token);
    expect(errorCode(refused)).toBe('NOT_FOUND');
    const editorQueue = (await call(server.url, ReviewQueueDocument, { roomId, first: 200 }, editor.token))
      .reviewQueue;
    expect(editorQueue.some((item) => item.card.deck.id === keyDeck)).toBe(true);
  });

  it('makes a quiz viewers take, its evidence shown only after answering and without the document', async () => {
    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, documentIds: [keyId], questionCount: 3, kinds: ['MULTIPLE_CHOICE', 'TRUE_FALSE'] } },
      editor.token,
    );
    expect((await followQuiz(server.wsUrl, editor.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
    const questions = (await loadQuiz(server.url, viewer.token, generateQuiz.id)).questions.edges.map(
      (edge) => edge.node,
    );
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((question) => question.evidence === null && question.answer === null)).toBe(true);

    const attempt = (
      await call(server.url, StartQuizAttemptDocument, { quizId: generateQuiz.id }, viewer.token)
    ).startQuizAttempt;
    const question = questions[0]!;
    const graded = (
      await call(
        server.url,
        SubmitAnswerDocument,
        { input: { attemptId: attempt.id, questionId: question.id, answer: question.options[0] ?? 'true' } },
        viewer.token,
      )
    ).submitAnswer;
    expect(graded.evidence?.quote).toMatch(/\w/);
    expect(graded.evidence?.document).toBeNull();
    const after = (await loadQuiz(server.url, viewer.token, generateQuiz.id)).questions.edges.find(
      (edge) => edge.node.id === question.id,
    )!.node;
    expect(after.evidence?.quote).toBe(graded.evidence?.quote);
    expect(after.evidence?.document).toBeNull();
    expect(after.evidence?.chunk).toBeNull();
    const forEditor = (await loadQuiz(server.url, editor.token, generateQuiz.id)).questions.edges[0]!.node;
    expect(forEditor.evidence?.document?.id).toBe(keyId);
  });

  it('is NOT_FOUND to a viewer’s documentProgress subscription', async () => {
    const client = wsClient(server.wsUrl, viewer.token);
    try {
      const result = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: print(DocumentProgressDocument), variables: { documentId: keyId } },
          { next: resolve, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(
        (result as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });
});
