import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { GenerationStats } from '../quizzes/engine/generate.ts';
import { baseProperties } from './base.ts';
import { Chunk, Document } from './document.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const QUIZ_STATUSES = ['GENERATING', 'READY', 'FAILED'] as const;
export const QUESTION_KINDS = ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

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
  properties: {
    ...baseProperties(),
    quiz: () => p.manyToOne(Quiz).deleteRule('cascade').index(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
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
