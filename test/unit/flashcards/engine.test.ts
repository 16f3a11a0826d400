import { describe, expect, it } from 'vitest';
import { ankiTag, deckToAnkiText, parseAnkiText } from '../../../src/flashcards/engine/anki.ts';
import { isTimeZone, startOfDay } from '../../../src/flashcards/engine/day.ts';
import { generateVerifiedCards } from '../../../src/flashcards/engine/generate.ts';
import { definitionIn, OfflineCardDrafter } from '../../../src/flashcards/engine/offline-drafter.ts';
import { applyRating, newReviewState } from '../../../src/flashcards/engine/schedule.ts';
import type { CardDraft, CardDrafter } from '../../../src/flashcards/engine/types.ts';
import { verbatimSlice, verifyCard } from '../../../src/flashcards/engine/verify.ts';

const chunk = {
  chunkId: 'c1',
  documentId: 'd1',
  pageStart: 3,
  pageEnd: 3,
  text:
    'Osmosis is the movement of water across a semipermeable membrane.\n' +
    'The enzyme “amylase” breaks starch down into sugars in the mouth.\n' +
    'A vacuole that stores water is called a contractile vacuole.',
};

describe('offline card drafting', () => {
  it('reads term → definition from definitional sentences, and not from others', () => {
    expect(definitionIn('Osmosis is the movement of water across a semipermeable membrane.')).toEqual({
      front: 'What is osmosis?',
      back: 'the movement of water across a semipermeable membrane',
    });
    expect(definitionIn('Enzymes are proteins that speed up chemical reactions in cells.')).toEqual({
      front: 'What are enzymes?',
      back: 'proteins that speed up chemical reactions in cells',
    });
    expect(
      definitionIn('Cellular respiration refers to the reactions that release energy from glucose.')?.back,
    ).toBe('the reactions that release energy from glucose');
    expect(definitionIn('A vacuole that stores water is called a contractile vacuole.')).toEqual({
      front: 'What is the term for: a vacuole that stores water?',
      back: 'contractile vacuole',
    });
    expect(definitionIn('It is a simple idea that works well in practice.')).toBeUndefined();
    expect(definitionIn('This is the reason the experiment failed.')).toBeUndefined();
    expect(definitionIn('What is the role of the nucleus in a cell?')).toBeUndefined();
  });

  it('drafts definitions and cloze cards that all pass verification', async () => {
    const drafter = new OfflineCardDrafter();
    const { cards, stats } = await generateVerifiedCards({ drafter, chunks: [chunk], count: 3 });
    expect(stats.rejected).toBe(0);
    expect(cards.map((c) => c.kind)).toContain('DEFINITION');
    for (const card of cards) expect(chunk.text).toContain(card.evidence.quote);
  });
});

describe('card verification', () => {
  const draft = (over: Partial<CardDraft>): CardDraft => ({
    kind: 'QUESTION',
    front: 'What does amylase break down?',
    back: 'starch',
    evidence: { chunkId: 'c1', quote: 'The enzyme "amylase" breaks starch down into sugars in the mouth.' },
    ...over,
  });

  it('keeps the quote as the chunk has it, typography included', () => {
    const verified = verifyCard(draft({}), chunk);
    expect(verified).toMatchObject({
      evidence: { quote: 'The enzyme “amylase” breaks starch down into sugars in the mouth.', pageStart: 3 },
    });
    expect(verbatimSlice('breaks  STARCH down', chunk.text)).toBe('breaks starch down');
  });

  it('rejects invented quotes, unsupported backs, give-aways and malformed drafts', () => {
    expect(
      verifyCard(draft({ evidence: { chunkId: 'c1', quote: 'Amylase is made in the liver.' } }), chunk),
    ).toMatchObject({
      reason: 'QUOTE_NOT_FOUND',
    });
    expect(verifyCard(draft({ back: 'glucose' }), chunk)).toMatchObject({ reason: 'BACK_NOT_SUPPORTED' });
    expect(verifyCard(draft({ front: 'Amylase breaks down starch: what?' }), chunk)).toMatchObject({
      reason: 'FRONT_GIVES_AWAY_BACK',
    });
    expect(verifyCard(draft({ back: ' ' }), chunk)).toMatchObject({ reason: 'MALFORMED' });
    expect(verifyCard(draft({}), undefined)).toMatchObject({ reason: 'QUOTE_NOT_FOUND' });
  });

  it('drops near-duplicates and regenerates the slot in the next round', async () => {
    const good = draft({});
    const drafter: CardDrafter = {
      name: 'scripted',
      draft: async ({ round }) =>
        round === 1
          ? [good, { ...good, front: 'What does amylase break down?' }]
          : [draft({ front: 'Where does amylase work?', back: 'the mouth' })],
    };
    const { cards, stats } = await generateVerifiedCards({ drafter, chunks: [chunk], count: 2 });
    expect(cards.map((c) => c.back)).toEqual(['starch', 'the mouth']);
    expect(stats).toMatchObject({ rounds: 2, verified: 2, rejected: 1, rejectionsByRound: [1, 0] });
    expect(stats.rejectionsByReason.DUPLICATE).toBe(1);
  });
});

describe('FSRS scheduling through ts-fsrs', () => {
  it('moves a new card through learning into review, and a lapse into relearning', () => {
    const t0 = new Date('2026-01-01T09:00:00Z');
    const first = applyRating(newReviewState(t0), 'GOOD', t0);
    expect(first.log).toMatchObject({ state: 'NEW', rating: 'GOOD', reviewedAt: t0 });
    expect(first.next).toMatchObject({ state: 'LEARNING', reps: 1 });
    expect(first.next.due.getTime() - t0.getTime()).toBe(10 * 60 * 1000);
    const second = applyRating(first.next, 'GOOD', first.next.due);
    expect(second.next.state).toBe('REVIEW');
    expect(second.next.scheduledDays).toBeGreaterThanOrEqual(1);
    const lapse = applyRating(second.next, 'AGAIN', second.next.due);
    expect(lapse.next).toMatchObject({ state: 'RELEARNING', lapses: 1 });
    expect(lapse.next.stability).toBeLessThan(second.next.stability);
  });
});

describe('"today" in a time zone', () => {
  it('starts at local midnight, across a DST change', () => {
    expect(startOfDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfDay(new Date('2026-03-29T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-29T04:00:00.000Z',
    );
    expect(startOfDay(new Date('2026-03-29T16:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-29T15:00:00.000Z',
    );
    expect(startOfDay(new Date('2026-03-29T16:00:00Z')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('Anki export', () => {
  it('round-trips text with tabs, newlines, quotes and markup', () => {
    const cards = [
      {
        front: 'What is "x"?\tA\nB',
        back: 'a < b & c',
        documentTitle: 'Intro to Stats',
        pageLabel: 'iv',
        kind: 'CLOZE',
      },
    ];
    const text = deckToAnkiText('Deck\tone', cards);
    expect(text).toContain('#deck:Deck one\n');
    const [note] = parseAnkiText(text);
    expect(note!.front).toBe('What is "x"? A\nB');
    expect(note!.back).toBe('a < b & c\n\n<small>Intro to Stats, p. iv</small>');
    expect(note!.tags).toEqual(['studyroom', 'source::Intro_to_Stats', 'page::iv', 'kind::cloze']);
    expect(ankiTag('  ')).toBe('_');
  });
});
