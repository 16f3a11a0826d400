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
import type { ReviewItem } from '../src/flashcards/review-service.ts';
import { loadVisible, visible, visibleMadeFrom } from './access.ts';
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
      resolve: (card, _args, context) =>
        card.document ? visible(context, 'Document', card.document.id) : null,
    }),
    chunk: t.field({
      type: ChunkRef,
      nullable: true,
      resolve: (card, _args, context) => (card.chunk ? visible(context, 'Chunk', card.chunk.id) : null),
    }),
  }),
});

builder.node(CardRef, {
  id: { resolve: (card) => card.id },
  loadMany: loadVisible('Card'),
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
  loadMany: loadVisible('Deck'),
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
    resolve: async (room, args, context) =>
      resolveArrayConnection(
        { args },
        await visibleMadeFrom(context, room.id, await context.loaders.decksByRoom.load(room.id)),
      ),
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
      resolve: (event, _args, context) => visible(context, 'Deck', event.deckId),
    }),
  }),
});
