import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { CardGenerationStats } from '../flashcards/engine/types.ts';
import { baseProperties } from './base.ts';
import { Chunk, Document } from './document.ts';
import { Question } from './quiz.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const DECK_STATUSES = ['GENERATING', 'READY', 'FAILED'] as const;
/** GENERATED: made from documents, seen by the room. MISSED_QUESTIONS: one member's own, fed by wrong answers. */
export const DECK_KINDS = ['GENERATED', 'MISSED_QUESTIONS'] as const;
export type DeckKind = (typeof DECK_KINDS)[number];
export const CARD_KINDS = ['DEFINITION', 'CLOZE', 'QUESTION', 'MISSED_QUESTION'] as const;
export const REVIEW_STATES = ['NEW', 'LEARNING', 'REVIEW', 'RELEARNING'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const RATINGS = ['AGAIN', 'HARD', 'GOOD', 'EASY'] as const;
export type ReviewRating = (typeof RATINGS)[number];

/** A box of a quote on its page, normalised 0..1, origin top-left (the public `Highlight`). */
export interface HighlightBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const Deck = defineEntity({
  name: 'Deck',
  // One missed-questions deck per member and room; generated decks have no owner (NULLs never collide).
  uniques: [{ properties: ['room', 'owner'] }],
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    createdBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    /** Set only for a MISSED_QUESTIONS deck: the one member who may see it. */
    owner: () => p.manyToOne(User).deleteRule('cascade').nullable(),
    kind: p.enum(DECK_KINDS).default('GENERATED'),
    title: p.string().length(200),
    status: p.enum(DECK_STATUSES).default('GENERATING'),
    error: p.text().nullable(),
    documentIds: p.json<string[]>(),
    requestedCount: p.integer(),
    stats: p.json<CardGenerationStats>().nullable(),
    jobId: p.string().length(64).nullable(),
  },
});
export type Deck = InferEntity<typeof Deck>;

/** A released card: its back was verified against an evidence quote found verbatim in its chunk. */
export const Card = defineEntity({
  name: 'Card',
  uniques: [{ properties: ['deck', 'sourceQuestion'] }],
  properties: {
    ...baseProperties(),
    deck: () => p.manyToOne(Deck).deleteRule('cascade').index(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    /** Order in the deck; missed-question cards take the next one as they come (ties are possible). */
    ordinal: p.integer(),
    kind: p.enum(CARD_KINDS),
    front: p.text(),
    back: p.text(),
    chunk: () => p.manyToOne(Chunk).deleteRule('set null').nullable(),
    document: () => p.manyToOne(Document).deleteRule('set null').nullable(),
    documentTitle: p.string().length(300),
    quote: p.text(),
    pageStart: p.integer(),
    pageEnd: p.integer(),
    pageLabel: p.string().length(40),
    highlights: p.json<HighlightBox[]>(),
    /** A missed-questions card: the quiz question it came from (a question becomes a card once per deck). */
    sourceQuestion: () => p.manyToOne(Question).deleteRule('set null').nullable(),
  },
});
export type Card = InferEntity<typeof Card>;

/**
 * One member's FSRS state of one card (ts-fsrs `Card` fields). A card without a row is NEW for that
 * member. `version` is bumped by every review: a review applies only over the version it read.
 */
export const CardReview = defineEntity({
  name: 'CardReview',
  uniques: [{ properties: ['user', 'card'] }],
  indexes: [{ properties: ['user', 'room', 'due'] }],
  properties: {
    ...baseProperties(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    card: () => p.manyToOne(Card).deleteRule('cascade').index(),
    room: () => p.manyToOne(Room).deleteRule('cascade'),
    state: p.enum(REVIEW_STATES),
    due: p.datetime(),
    stability: p.float().columnType('double precision'),
    difficulty: p.float().columnType('double precision'),
    scheduledDays: p.integer(),
    learningSteps: p.integer(),
    reps: p.integer(),
    lapses: p.integer(),
    lastReview: p.datetime().nullable(),
    version: p.integer().default(1),
  },
});
export type CardReview = InferEntity<typeof CardReview>;

/** Every review as it happened (ts-fsrs `ReviewLog`), kept for fitting FSRS parameters later. */
export const ReviewLog = defineEntity({
  name: 'ReviewLog',
  indexes: [{ properties: ['user', 'room', 'reviewedAt'] }],
  properties: {
    id: p.uuid().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    card: () => p.manyToOne(Card).deleteRule('cascade').index(),
    room: () => p.manyToOne(Room).deleteRule('cascade'),
    rating: p.enum(RATINGS),
    /** The state the card was in before this review (NEW marks the card's first review). */
    state: p.enum(REVIEW_STATES),
    /** When the card was due before this review. */
    due: p.datetime(),
    stability: p.float().columnType('double precision'),
    difficulty: p.float().columnType('double precision'),
    scheduledDays: p.integer(),
    learningSteps: p.integer(),
    reviewedAt: p.datetime(),
  },
});
export type ReviewLog = InferEntity<typeof ReviewLog>;
