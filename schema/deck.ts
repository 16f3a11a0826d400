import { resolveArrayConnection } from '@pothos/plugin-relay';
import {
  CARD_KINDS,
  type Card,
  DECK_KINDS,
  DECK_STATUSES,
  type Deck,
  RATINGS,
  REVIEW_STATES,
} from '../src/entities/flashcard.ts';
import type { DeckProgressEvent } from '../src/events.ts';
import { deckVisibleTo } from '../src/flashcards/deck-service.ts';
import type { ReviewItem } from '../src/flashcards/review-service.ts';
import type { Context } from '../src/transport/context.ts';
import { mayReadMadeFrom, readableChunk, readableDocument } from './access.ts';
import { builder } from './builder.ts';
import { ChunkRef, DocumentRef, HighlightRef } from './document.ts';
import { QuizStatsRef } from './quiz.ts';
import { RoomRef } from './room.ts';

export const DeckStatusEnum = builder.enumType('DeckStatus', { values: DECK_STATUSES });
export const DeckKindEnum = builder.enumType('DeckKind', { values: DECK_KINDS });
export const CardKindEnum = builder.enumType('CardKind', { values: CARD_KINDS });
export const ReviewStateEnum = builder.enumType('ReviewState', { values: REVIEW_STATES });
export const ReviewRatingEnum = builder.enumType('ReviewRating', { values: RATINGS });

export const DeckRef = builder.objectRef<Deck>('Deck');
export const CardRef = builder.objectRef<Card>('Card');

/** The deck, when the viewer may see it: a member of its room, and its owner for a missed-questions deck. */
export async function visibleDeck(context: Context, deckId: string): Promise<Deck | null> {
  const deck = await context.loaders.deckById.load(deckId);
  if (!deck) return null;
  const role = await context.loaders.viewerRole.load(deck.room.id);
  return deckVisibleTo(deck, context.viewer?.id, role) && (await mayReadMadeFrom(context, deck))
    ? deck
    : null;
}

export const CardEvidenceRef = builder.objectRef<Card>('CardEvidence').implement({
  description: 'The quote a card was verified against, verbatim in its chunk, and where it stands',
  fields: (t) => ({
    quote: t.exposeString('quote'),
    pageStart: t.exposeInt('pageStart'),
    pageEnd: t.exposeInt('pageEnd'),
    pageLabel: t.exposeString('pageLabel', { description: 'The printed label of pageStart' }),
    highlights: t.field({
      type: [HighlightRef],
      description: "The quote's boxes on its pages (empty where the document has no layout)",
      resolve: (card) => card.highlights,
    }),
    documentTitle: t.exposeString('documentTitle'),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      description: 'Null once the document was deleted',
      resolve: (card, _args, context) => (card.document ? readableDocument(context, card.document.id) : null),
    }),
    chunk: t.field({
      type: ChunkRef,
      nullable: true,
      resolve: (card, _args, context) => (card.chunk ? readableChunk(context, card.chunk.id) : null),
    }),
  }),
});

builder.node(CardRef, {
  id: { resolve: (card) => card.id },
  loadMany: (ids, context) =>
    Promise.all(
      ids.map(async (id) => {
        const card = await context.loaders.cardById.load(id);
        return card && (await visibleDeck(context, card.deck.id)) ? card : null;
      }),
    ),
  fields: (t) => ({
    kind: t.field({ type: CardKindEnum, resolve: (card) => card.kind }),
    front: t.exposeString('front'),
    back: t.exposeString('back'),
    evidence: t.field({ type: CardEvidenceRef, resolve: (card) => card }),
    deck: t.field({
      type: DeckRef,
      resolve: async (card, _args, context) => (await context.loaders.deckById.load(card.deck.id))!,
    }),
  }),
});

builder.node(DeckRef, {
  id: { resolve: (deck) => deck.id },
  loadMany: (ids, context) => Promise.all(ids.map((id) => visibleDeck(context, id))),
  fields: (t) => ({
    title: t.exposeString('title'),
    kind: t.field({
      type: DeckKindEnum,
      description: "MISSED_QUESTIONS: the viewer's own deck of quiz questions they answered wrong",
      resolve: (deck) => deck.kind,
    }),
    status: t.field({ type: DeckStatusEnum, resolve: (deck) => deck.status }),
    error: t.exposeString('error', { nullable: true }),
    stats: t.field({ type: QuizStatsRef, nullable: true, resolve: (deck) => deck.stats ?? null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    room: t.field({
      type: RoomRef,
      resolve: async (deck, _args, context) => (await context.loaders.roomById.load(deck.room.id))!,
    }),
    cardCount: t.int({
      resolve: async (deck, _args, context) => (await context.loaders.cardsByDeck.load(deck.id)).length,
    }),
    cards: t.connection({
      type: CardRef,
      description: 'In deck order',
      resolve: async (deck, args, context) =>
        resolveArrayConnection({ args }, await context.loaders.cardsByDeck.load(deck.id)),
    }),
  }),
});

export const ReviewItemRef = builder.objectRef<ReviewItem>('ReviewItem').implement({
  description: "A card with the viewer's FSRS review state (NEW and due now for a card never reviewed)",
  fields: (t) => ({
    card: t.field({ type: CardRef, resolve: (item) => item.card }),
    due: t.expose('due', { type: 'DateTime' }),
    state: t.field({ type: ReviewStateEnum, resolve: (item) => item.state }),
    reps: t.exposeInt('reps'),
    lapses: t.exposeInt('lapses'),
    stability: t.exposeFloat('stability', { description: 'FSRS stability: days until recall falls to 90%' }),
    difficulty: t.exposeFloat('difficulty', { description: 'FSRS difficulty, 1..10' }),
    scheduledDays: t.exposeInt('scheduledDays'),
    lastReview: t.expose('lastReview', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectField(RoomRef, 'decks', (t) =>
  t.connection({
    type: DeckRef,
    description: "The room's flashcard decks and the viewer's own missed-questions deck, newest first",
    resolve: async (room, args, context) => {
      const decks = await context.loaders.decksByRoom.load(room.id);
      const readable = await Promise.all(decks.map((deck) => mayReadMadeFrom(context, deck)));
      return resolveArrayConnection(
        { args },
        decks.filter((_deck, i) => readable[i]),
      );
    },
  }),
);

export const DeckProgressRef = builder.objectRef<DeckProgressEvent>('DeckProgress').implement({
  fields: (t) => ({
    status: t.field({ type: DeckStatusEnum, resolve: (event) => event.status }),
    error: t.exposeString('error', { nullable: true }),
    drafted: t.int({ resolve: (event) => event.stats?.drafted ?? 0 }),
    verified: t.int({ resolve: (event) => event.stats?.verified ?? 0 }),
    rejected: t.int({ resolve: (event) => event.stats?.rejected ?? 0 }),
    round: t.int({ resolve: (event) => event.stats?.rounds ?? 0 }),
    stats: t.field({ type: QuizStatsRef, nullable: true, resolve: (event) => event.stats }),
    deck: t.field({
      type: DeckRef,
      nullable: true,
      resolve: (event, _args, context) => visibleDeck(context, event.deckId),
    }),
  }),
});
