import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { GenerationStats } from '../quizzes/engine/generate.ts';
import { baseProperties } from './base.ts';
import { Chunk, Document } from './document.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const QUIZ_STATUSES = ['GENERATING', 'READY', 'FAILED'] as const;
export const QUESTION_KINDS = ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
/**
 * When a viewer taking the quiz sees a question's answer, explanation and evidence (docs/security.md):
 * after answering it, after finishing an attempt that answered it, or never (editors always do).
 */
export const REVEAL_ANSWERS = ['AFTER_EACH', 'AFTER_FINISH', 'NEVER'] as const;
export type RevealAnswers = (typeof REVEAL_ANSWERS)[number];

export const Quiz = defineEntity({
  name: 'Quiz',
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    createdBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    title: p.string().length(200),
    status: p.enum(QUIZ_STATUSES).default('GENERATING'),
    error: p.text().nullable(),
    documentIds: p.json<string[]>(),
    requestedCount: p.integer(),
    kinds: p.json<string[]>(),
    stats: p.json<GenerationStats>().nullable(),
    jobId: p.string().length(64).nullable(),
    /** Attempts a viewer may start; null is unlimited (practice). */
    maxAttempts: p.integer().nullable(),
    revealAnswers: p.enum(REVEAL_ANSWERS).default('AFTER_EACH'),
  },
});
export type Quiz = InferEntity<typeof Quiz>;

/** A released question: it passed verification against its evidence quote. */
export const Question = defineEntity({
  name: 'Question',
  uniques: [{ properties: ['quiz', 'ordinal'] }],
  properties: {
    ...baseProperties(),
    quiz: () => p.manyToOne(Quiz).deleteRule('cascade').index(),
    ordinal: p.integer(),
    kind: p.enum(QUESTION_KINDS),
    prompt: p.text(),
    options: p.json<string[]>(),
    answer: p.text(),
    explanation: p.text(),
    difficulty: p.enum(DIFFICULTIES),
    chunk: () => p.manyToOne(Chunk).deleteRule('set null').nullable(),
    document: () => p.manyToOne(Document).deleteRule('set null').nullable(),
    quote: p.text(),
    pageStart: p.integer(),
    pageEnd: p.integer(),
  },
});
export type Question = InferEntity<typeof Question>;

export const QuizAttempt = defineEntity({
  name: 'QuizAttempt',
  // The number decides between concurrent starts: two cannot both be a user's attempt n of a quiz.
  uniques: [{ properties: ['quiz', 'user', 'number'] }],
  properties: {
    ...baseProperties(),
    quiz: () => p.manyToOne(Quiz).deleteRule('cascade').index(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    /** 1 for the user's first attempt of the quiz, 2 for the second, ... */
    number: p.integer(),
    finishedAt: p.datetime().nullable(),
    /** Fraction correct, 0..1, set when finished. */
    score: p.float().nullable(),
  },
});
export type QuizAttempt = InferEntity<typeof QuizAttempt>;

/** One answer per question per attempt, enforced by the unique constraint. */
export const AttemptAnswer = defineEntity({
  name: 'AttemptAnswer',
  uniques: [{ properties: ['attempt', 'question'] }],
  properties: {
    ...baseProperties(),
    attempt: () => p.manyToOne(QuizAttempt).deleteRule('cascade').index(),
    question: () => p.manyToOne(Question).deleteRule('cascade'),
    answer: p.text(),
    correct: p.boolean(),
  },
});
export type AttemptAnswer = InferEntity<typeof AttemptAnswer>;
