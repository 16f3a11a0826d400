import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { Question, Quiz } from './quiz.ts';
import { User } from './user.ts';

export const LIVE_STATES = ['LOBBY', 'QUESTION', 'REVEAL', 'FINISHED'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export const LiveQuizSession = defineEntity({
  name: 'LiveQuizSession',
  properties: {
    ...baseProperties(),
    quiz: () => p.manyToOne(Quiz).deleteRule('cascade').index(),
    host: () => p.manyToOne(User).deleteRule('cascade'),
    /** Short and unambiguous when read aloud; unique among sessions that have not expired. */
    joinCode: p.string().length(12).index(),
    state: p.enum(LIVE_STATES).default('LOBBY'),
    /** -1 in the lobby, then the index of the open or revealed question. */
    questionIndex: p.integer().default(-1),
    questionOpenedAt: p.datetime().nullable(),
    deadline: p.datetime().nullable(),
    questionSeconds: p.integer().default(20),
    expiresAt: p.datetime(),
    /** Bumped on every state change; events carry it so clients can drop stale ones. */
    seq: p.integer().default(0),
  },
});
export type LiveQuizSession = InferEntity<typeof LiveQuizSession>;

export const LiveParticipant = defineEntity({
  name: 'LiveParticipant',
  uniques: [{ properties: ['session', 'user'] }],
  properties: {
    ...baseProperties(),
    session: () => p.manyToOne(LiveQuizSession).deleteRule('cascade').index(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    displayName: p.string().length(120),
    score: p.integer().default(0),
  },
});
export type LiveParticipant = InferEntity<typeof LiveParticipant>;

/** One answer per player per question (unique), scored for correctness and speed. */
export const LiveAnswer = defineEntity({
  name: 'LiveAnswer',
  uniques: [{ properties: ['participant', 'question'] }],
  properties: {
    ...baseProperties(),
    session: () => p.manyToOne(LiveQuizSession).deleteRule('cascade').index(),
    participant: () => p.manyToOne(LiveParticipant).deleteRule('cascade'),
    question: () => p.manyToOne(Question).deleteRule('cascade'),
    answer: p.text(),
    correct: p.boolean(),
    points: p.integer(),
  },
});
export type LiveAnswer = InferEntity<typeof LiveAnswer>;
