/**
 * Flashcards through the real server: a deck generated from a PDF and verified, a week of FSRS reviews
 * on a simulated clock (services.clock, never sleeping), the daily new-card cap in the viewer's time zone,
 * concurrent reviews, missed quiz questions becoming cards, the Anki export parsed back, and privacy.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { parseAnkiText } from '../../src/flashcards/engine/anki.ts';
import {
  ExportDeckDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  ReviewCardDocument,
  type ReviewCardMutation,
  ReviewQueueDocument,
  RoomDecksDocument,
  RoomSettingsDocument,
  StartQuizAttemptDocument,
  SubmitAnswerDocument,
  UpdateRoomSettingsDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { followDeck, loadDeck, setClock } from '../helpers/flashcards.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PAGES = [
  [
    'Photosynthesis is the process by which green plants convert light energy into chemical energy.',
    'Chlorophyll is a green pigment that absorbs red and blue light inside the chloroplasts of plant cells.',
    'The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast during daylight.',
  ],
  [
    'Mitochondria are organelles that release most of the chemical energy a cell needs from glucose.',
    'Cellular respiration refers to the chain of reactions that break down glucose to release energy.',
    'A ribosome is a molecular machine that assembles proteins from amino acids in the cytoplasm.',
  ],
  [
    'Osmosis is the movement of water molecules across a semipermeable membrane toward higher solute concentration.',
    'Enzymes are proteins that speed up chemical reactions in living cells without being consumed.',
    'The nucleus stores the genetic material of eukaryotic cells, organised into chromosomes made of DNA.',
  ],
];

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let other: Actor;
let outsider: Actor;
let roomId: string;
let documentId: string;
let deckId: string;

const DAY = 24 * 3600 * 1000;
const START = Date.parse('2026-03-02T09:00:00Z');

async function queue(actor: Actor, variables: { first?: number; timezone?: string; deckId?: string } = {}) {
  return (await call(server.url, ReviewQueueDocument, { roomId, first: 50, ...variables }, actor.token))
    .reviewQueue;
}

async function review(actor: Actor, cardId: string, rating: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY') {
  return request(server.url, ReviewCardDocument, { input: { cardId, rating } }, actor.token);
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer, other, outsider] = await Promise.all(
    ['Owner', 'Viewer', 'Other', 'Outsider'].map((name) => createUser(server.url, name)),
  );
  roomId = (await createRoom(server.url, owner, 'Biology')).id;
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
  await addMember(server.url, owner, roomId, other, 'VIEWER');
  const upload = await uploadFile(server.url, owner.token, roomId, await makePdf(PAGES), 'cells.pdf', {
    title: 'Cell biology',
  });
  const document = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
  documentId = document.id;
});
afterAll(async () => {
  server.services.clock = systemClock;
  await server.close();
});

describe('decks', () => {
  it('generates a verified deck from a PDF, followed live by a viewer', async () => {
    const { generateFlashcards } = await call(
      server.url,
      GenerateFlashcardsDocument,
      { input: { roomId, documentIds: [documentId], count: 8 } },
      owner.token,
    );
    expect(generateFlashcards.status).toBe('GENERATING');
    deckId = generateFlashcards.id;
    const events = await followDeck(server.wsUrl, viewer.token, deckId);
    expect(events.at(-1)!.status).toBe('READY');

    const deck = await loadDeck(server.url, viewer.token, deckId);
    const cards = deck.cards.edges.map((edge) => edge.node);
    expect(cards.length).toBeGreaterThanOrEqual(6);
    expect(deck.cardCount).toBe(cards.length);
    expect(deck.stats).toMatchObject({
      requested: 8,
      verified: cards.length,
      engine: 'offline-definitions-cloze',
    });
    for (const card of cards) {
      // Verbatim: a plain substring of the chunk, not only after normalisation.
      expect(card.evidence.chunk!.text).toContain(card.evidence.quote);
      expect(card.evidence.pageLabel).toBe(String(card.evidence.pageStart));
      expect(card.evidence.highlights).toEqual([]);
      expect(card.evidence.document).toEqual({ id: documentId, title: 'Cell biology' });
      expect(card.front.toLowerCase()).not.toContain(card.back.toLowerCase());
    }
    const definition = cards.find((card) => card.front === 'What is photosynthesis?');
    expect(definition?.back).toBe(
      'the process by which green plants convert light energy into chemical energy',
    );
    expect(definition?.evidence.pageStart).toBe(1);
    expect(cards.some((card) => card.kind === 'CLOZE' && card.front.includes('_____'))).toBe(true);
    expect(new Set(cards.map((card) => card.front)).size).toBe(cards.length);
  });

  it('only editors and owners generate; outsiders see no deck', async () => {
    const input = { input: { roomId, count: 2 } };
    expect(errorCode(await request(server.url, GenerateFlashcardsDocument, input, viewer.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await request(server.url, GenerateFlashcardsDocument, input, outsider.token))).toBe(
      'NOT_FOUND',
    );
    await expect(loadDeck(server.url, outsider.token, deckId)).rejects.toThrow(/not visible/);
    expect(errorCode(await request(server.url, ExportDeckDocument, { deckId }, outsider.token))).toBe(
      'NOT_FOUND',
    );
    const bad = await request(
      server.url,
      GenerateFlashcardsDocument,
      { input: { roomId, count: 0 } },
      owner.token,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('exports Anki-importable text that parses back to the cards, with source and page', async () => {
    const deck = await loadDeck(server.url, viewer.token, deckId);
    const { exportDeck } = await call(server.url, ExportDeckDocument, { deckId }, viewer.token);
    expect(exportDeck.split('\n').slice(0, 2)).toEqual(['#separator:Tab', '#html:true']);
    expect(exportDeck).toContain('#tags column:3');
    const notes = parseAnkiText(exportDeck);
    const cards = deck.cards.edges.map((edge) => edge.node);
    expect(notes.map((note) => note.front)).toEqual(cards.map((card) => card.front));
    for (const [i, note] of notes.entries()) {
      expect(note.back).toContain(cards[i]!.back);
      expect(note.back).toContain(`Cell biology, p. ${cards[i]!.evidence.pageLabel}`);
      expect(note.tags).toContain('studyroom');
      expect(note.tags).toContain(`page::${cards[i]!.evidence.pageLabel}`);
    }
    for (const line of exportDeck
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'))) {
      expect(line.split('\t')).toHaveLength(3);
    }
  });
});

describe('review on FSRS', () => {
  it('schedules a simulated week: due cards most overdue first, new cards capped per day', async () => {
    const deck = await loadDeck(server.url, viewer.token, deckId);
    const total = deck.cardCount;
    await call(server.url, UpdateRoomSettingsDocument, { input: { roomId, newCardsPerDay: 3 } }, owner.token);
    const settings = await call(server.url, RoomSettingsDocument, { id: roomId }, viewer.token);
    expect(settings.room.settings).toBeNull();
    expect(
      errorCode(
        await request(
          server.url,
          UpdateRoomSettingsDocument,
          { input: { roomId, newCardsPerDay: 9 } },
          viewer.token,
        ),
      ),
    ).toBe('FORBIDDEN');

    const started = new Set<string>();
    let reviews = 0;
    let lapsed = false;
    const intervals = new Map<string, number[]>();
    for (let day = 0; day < 7; day++) {
      let now = START + day * DAY;
      setClock(server, now);
      let newToday = 0;
      // Work through the day's queue; learning steps come back minutes later, so move the clock on.
      for (let pass = 0; pass < 10; pass++) {
        const items = await queue(viewer, { deckId });
        if (items.length === 0) {
          now += 11 * 60 * 1000;
          setClock(server, now);
          if ((await queue(viewer, { deckId })).length === 0) break;
          continue;
        }
        const dues = items.filter((item) => item.state !== 'NEW').map((item) => Date.parse(item.due));
        expect(dues).toEqual([...dues].sort((a, b) => a - b));
        expect(dues.every((due) => due <= now)).toBe(true);
        for (const item of items) {
          if (item.state === 'NEW') {
            newToday++;
            started.add(item.card.id);
          }
          // One lapse on day 3: a card in review forgotten goes to relearning.
          const rating = !lapsed && day === 3 && item.state === 'REVIEW' ? 'AGAIN' : 'GOOD';
          const result = await review(viewer, item.card.id, rating);
          expect(result.errors).toBeUndefined();
          const next = result.data!.reviewCard;
          reviews++;
          expect(Date.parse(next.due)).toBeGreaterThan(now);
          expect(next.reps).toBe(item.reps + 1);
          if (rating === 'AGAIN') {
            lapsed = true;
            expect(next).toMatchObject({ state: 'RELEARNING', lapses: item.lapses + 1 });
          }
          if (next.state === 'REVIEW') {
            intervals.set(item.card.id, [...(intervals.get(item.card.id) ?? []), next.scheduledDays]);
          }
        }
      }
      expect(newToday).toBeLessThanOrEqual(3);
      if (day < 2) expect(newToday).toBe(3);
    }
    expect(started.size).toBe(Math.min(total, 7 * 3));
    expect(lapsed).toBe(true);
    // A card answered GOOD again and again is scheduled further out each time.
    const growing = [...intervals.values()].filter((days) => days.length >= 2);
    expect(growing.length).toBeGreaterThan(0);
    expect(growing.some((days) => days.at(-1)! > days[0]!)).toBe(true);
    const logged = await server.services.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from review_log where user_id = ?`, [
        decodeGlobalID(viewer.id).id,
      ]);
    expect(Number(logged[0]!.n)).toBe(reviews);
    // The other viewer's state is their own: nothing they see was started.
    setClock(server, START + 7 * DAY);
    const theirs = await queue(other, { deckId });
    expect(theirs.length).toBe(3);
    expect(theirs.every((item) => item.state === 'NEW' && item.reps === 0)).toBe(true);
  });

  it('counts "today" in the time zone the client passes, and refuses an unknown one', async () => {
    const member = await createUser(server.url, 'Tokyo');
    await addMember(server.url, owner, roomId, member, 'VIEWER');
    // 14:00 UTC is 23:00 in Tokyo; two hours later Tokyo is on the next day and UTC is not.
    setClock(server, '2026-04-10T14:00:00Z');
    const first = await queue(member, { deckId, timezone: 'Asia/Tokyo' });
    expect(first).toHaveLength(3);
    for (const item of first) expect((await review(member, item.card.id, 'EASY')).errors).toBeUndefined();
    setClock(server, '2026-04-10T16:00:00Z');
    const utc = await queue(member, { deckId, timezone: 'UTC' });
    expect(utc.filter((item) => item.state === 'NEW')).toHaveLength(0);
    const tokyo = await queue(member, { deckId, timezone: 'Asia/Tokyo' });
    expect(tokyo.filter((item) => item.state === 'NEW')).toHaveLength(3);
    const bad = await request(
      server.url,
      ReviewQueueDocument,
      { roomId, timezone: 'Mars/Olympus' },
      member.token,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('applies exactly one of concurrent reviews of a card, new or due; the others get BAD_USER_INPUT', async () => {
    const member = await createUser(server.url, 'Racer');
    await addMember(server.url, owner, roomId, member, 'VIEWER');
    setClock(server, '2026-05-01T09:00:00Z');
    const [item] = await queue(member, { deckId, first: 1 });
    const race = async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => review(member, item!.card.id, 'GOOD')),
      );
      return {
        won: results.filter((r) => r.data?.reviewCard) as { data: ReviewCardMutation }[],
        refused: results.filter((r) => errorCode(r) === 'BAD_USER_INPUT').length,
      };
    };
    const first = await race();
    expect(first.won).toHaveLength(1);
    expect(first.refused).toBe(9);
    // Once it is due again (learning step), the same race goes through the update path.
    setClock(server, Date.parse(first.won[0]!.data.reviewCard.due) + 1000);
    const second = await race();
    expect(second.won).toHaveLength(1);
    expect(second.refused).toBe(9);
    expect(second.won[0]!.data.reviewCard.reps).toBe(2);
    // Not due: refused with the due time.
    const early = await review(member, item!.card.id, 'GOOD');
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.message).toMatch(/not due until/);
  });
});

describe('missed questions', () => {
  it('turns a wrong solo answer into a card of the viewer’s own deck, once, scheduled as new', async () => {
    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 4, kinds: ['SHORT_ANSWER'] } },
      owner.token,
    );
    expect((await followQuiz(server.wsUrl, owner.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
    const questions = (await loadQuiz(server.url, owner.token, generateQuiz.id)).questions.edges.map(
      (e) => e.node,
    );
    const [missed, right] = questions;
    for (let attempt = 0; attempt < 2; attempt++) {
      const { startQuizAttempt } = await call(
        server.url,
        StartQuizAttemptDocument,
        { quizId: generateQuiz.id },
        viewer.token,
      );
      const wrong = await call(
        server.url,
        SubmitAnswerDocument,
        { input: { attemptId: startQuizAttempt.id, questionId: missed!.id, answer: 'not this at all 9876' } },
        viewer.token,
      );
      expect(wrong.submitAnswer.correct).toBe(false);
      const correct = await call(
        server.url,
        SubmitAnswerDocument,
        { input: { attemptId: startQuizAttempt.id, questionId: right!.id, answer: right!.answer! } },
        viewer.token,
      );
      expect(correct.submitAnswer.correct).toBe(true);
    }
    const decks = (
      await call(server.url, RoomDecksDocument, { id: roomId }, viewer.token)
    ).room.decks.edges.map((e) => e.node);
    const personal = decks.find((deck) => deck.kind === 'MISSED_QUESTIONS');
    expect(personal).toMatchObject({ status: 'READY', cardCount: 1, title: 'Missed questions' });
    const deck = await loadDeck(server.url, viewer.token, personal!.id);
    const [card] = deck.cards.edges.map((e) => e.node);
    expect(card).toMatchObject({ kind: 'MISSED_QUESTION', front: missed!.prompt, back: missed!.answer });
    expect(card!.evidence.quote).toBe(missed!.evidence!.quote);
    expect(card!.evidence.chunk!.text).toContain(card!.evidence.quote);

    setClock(server, '2026-06-01T09:00:00Z');
    const items = await queue(viewer, { deckId: personal!.id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      state: 'NEW',
      reps: 0,
      card: { id: card!.id, deck: { kind: 'MISSED_QUESTIONS' } },
    });
    // Missed questions come first among the day's new cards.
    const all = await queue(viewer);
    expect(all.find((item) => item.state === 'NEW')?.card.id).toBe(card!.id);

    // Private: nobody else sees the deck, its cards, or can review or export it.
    for (const actor of [owner, other]) {
      const theirs = (await call(server.url, RoomDecksDocument, { id: roomId }, actor.token)).room.decks
        .edges;
      expect(theirs.some((e) => e.node.id === personal!.id)).toBe(false);
      await expect(loadDeck(server.url, actor.token, personal!.id)).rejects.toThrow(/not visible/);
      expect(errorCode(await review(actor, card!.id, 'GOOD'))).toBe('NOT_FOUND');
      expect(
        errorCode(await request(server.url, ExportDeckDocument, { deckId: personal!.id }, actor.token)),
      ).toBe('NOT_FOUND');
      expect((await queue(actor)).some((item) => item.card.id === card!.id)).toBe(false);
    }
  });
});
