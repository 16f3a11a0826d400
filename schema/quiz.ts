import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { QuizView } from '../loaders/quizzes.ts';
import {
  type AttemptAnswer,
  QUESTION_KINDS,
  QUIZ_STATUSES,
  type Question,
  type QuizAttempt,
  type REVEAL_ANSWERS,
} from '../src/entities/quiz.ts';
import type { QuizProgressEvent } from '../src/events.ts';
import type { CardGenerationStats } from '../src/flashcards/engine/types.ts';
import { quoteLocation } from '../src/flashcards/evidence.ts';
import type { GenerationStats } from '../src/quizzes/engine/generate.ts';
import type { Context } from '../src/transport/context.ts';
import { loadVisible, revealed, visible, visibleOf } from './access.ts';
import { builder } from './builder.ts';
import { arrayConnection } from './connection.ts';
import { ChunkRef, DocumentRef, HighlightRef } from './document.ts';
import { RoomRef } from './room.ts';
import { connectionNodeFields } from './selection.ts';

export const QuizStatusEnum = builder.enumType('QuizStatus', { values: QUIZ_STATUSES });
export const QuestionKindEnum = builder.enumType('QuestionKind', { values: QUESTION_KINDS });
export const RevealAnswersEnum = builder.enumType('RevealAnswers', {
  description:
    'When a viewer sees a question’s answer, explanation and evidence; editors always do, and nobody else while a live session has the question open',
  values: {
    AFTER_EACH: { description: 'Once they have answered the question (practice; the default)' },
    AFTER_FINISH: { description: 'Once they have finished an attempt that answered it' },
    NEVER: { description: 'Never: viewers only learn whether they were right, and their score' },
  } satisfies Record<(typeof REVEAL_ANSWERS)[number], unknown>,
});

export const QuizRef = builder.objectRef<QuizView>('Quiz');
export const QuestionRef = builder.objectRef<Question>('Question');
export const QuizAttemptRef = builder.objectRef<QuizAttempt>('QuizAttempt');

/** Where a question's quote stands: its chunk's label and the quote's line boxes (as a card's evidence). */
async function evidenceLocation(question: Question, chunks: Context['loaders']['chunkById']) {
  const chunk = question.chunk ? await chunks.load(question.chunk.id) : null;
  return quoteLocation(chunk ?? null, question.pageStart, question.quote);
}

/** The quote a question was verified against: where its answer stands in the material. */
export const EvidenceRef = builder.objectRef<Question>('Evidence').implement({
  fields: (t) => ({
    quote: t.exposeString('quote'),
    pageStart: t.exposeInt('pageStart'),
    pageEnd: t.exposeInt('pageEnd'),
    pageLabel: t.string({
      description: 'The printed label of pageStart; the physical number when the file has none',
      resolve: async (question, _args, context) =>
        (await evidenceLocation(question, context.loaders.chunkById)).pageLabel,
    }),
    highlights: t.field({
      type: [HighlightRef],
      description: "PDF only: the quote's boxes on its pages (empty where the document has no layout)",
      resolve: async (question, _args, context) =>
        (await evidenceLocation(question, context.loaders.chunkById)).highlights,
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      description: 'Null for a viewer when the document is editor-only (the quote and pages still show)',
      resolve: (question, _args, context) =>
        question.document ? visible(context, 'Document', question.document.id) : null,
    }),
    chunk: t.field({
      type: ChunkRef,
      nullable: true,
      resolve: (question, _args, context) =>
        question.chunk ? visible(context, 'Chunk', question.chunk.id) : null,
    }),
  }),
});

/** Quizzes and flashcard decks report generation alike; only their rejection reasons differ. */
export const QuizStatsRef = builder.objectRef<GenerationStats | CardGenerationStats>('QuizStats').implement({
  description:
    'How generation went: drafts, verified and rejected questions (or cards), and the rounds it took',
  fields: (t) => ({
    requested: t.exposeInt('requested'),
    drafted: t.exposeInt('drafted'),
    verified: t.exposeInt('verified'),
    rejected: t.exposeInt('rejected'),
    rounds: t.exposeInt('rounds'),
    rejectionsByReason: t.field({ type: 'JSON', resolve: (stats) => stats.rejectionsByReason }),
    rejectionsByRound: t.exposeIntList('rejectionsByRound'),
    engine: t.exposeString('drafter'),
    note: t.exposeString('note', { nullable: true }),
  }),
});

builder.node(QuestionRef, {
  id: { resolve: (question) => question.id },
  loadMany: loadVisible('Question'),
  fields: (t) => ({
    kind: t.field({ type: QuestionKindEnum, resolve: (question) => question.kind }),
    prompt: t.exposeString('prompt'),
    options: t.exposeStringList('options'),
    difficulty: t.exposeString('difficulty'),
    answer: t.string({
      nullable: true,
      description:
        'Null for a viewer until the quiz’s `revealAnswers` allows it (by default: once they have answered this question in an attempt), and while a live session has it open',
      resolve: revealed((question) => question.answer),
    }),
    explanation: t.string({
      nullable: true,
      description: 'Follows the same rule as `answer`',
      resolve: revealed((question) => question.explanation),
    }),
    evidence: t.field({
      type: EvidenceRef,
      nullable: true,
      description: 'Follows the same rule as `answer`: the quote locates the answer in the material',
      resolve: revealed((question) => question),
    }),
  }),
});

builder.node(QuizRef, {
  id: { resolve: (quiz) => quiz.id },
  loadMany: loadVisible('Quiz'),
  fields: (t) => ({
    title: t.exposeString('title'),
    status: t.field({ type: QuizStatusEnum, resolve: (quiz) => quiz.status }),
    error: t.exposeString('error', { nullable: true }),
    stats: t.field({ type: QuizStatsRef, nullable: true, resolve: (quiz) => quiz.stats ?? null }),
    maxAttempts: t.exposeInt('maxAttempts', {
      nullable: true,
      description: 'Attempts each viewer may start; null is unlimited. Editors and owners are not bound',
    }),
    revealAnswers: t.field({ type: RevealAnswersEnum, resolve: (quiz) => quiz.revealAnswers }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    room: t.field({
      type: RoomRef,
      resolve: async (quiz, _args, context) => (await context.loaders.roomById.load(quiz.room.id))!,
    }),
    questions: t.connection({
      type: QuestionRef,
      resolve: async (quiz, args, context) =>
        resolveArrayConnection({ args }, await context.loaders.questionsByQuiz.load(quiz.id)),
    }),
    attempts: t.connection({
      type: QuizAttemptRef,
      description: "The viewer's own attempts, newest first",
      resolve: async (quiz, args, context) =>
        resolveArrayConnection(
          { args },
          await visibleOf(context, quiz.room.id, await context.loaders.attemptsByQuizForViewer.load(quiz.id)),
        ),
    }),
  }),
});

export const AttemptAnswerRef = builder.objectRef<AttemptAnswer>('AttemptAnswer').implement({
  fields: (t) => ({
    answer: t.exposeString('answer'),
    correct: t.exposeBoolean('correct'),
    question: t.field({
      type: QuestionRef,
      resolve: async (answer, _args, context) =>
        (await context.loaders.questionById.load(answer.question.id))!,
    }),
  }),
});

builder.node(QuizAttemptRef, {
  id: { resolve: (attempt) => attempt.id },
  loadMany: loadVisible('QuizAttempt'),
  fields: (t) => ({
    number: t.exposeInt('number', {
      description: "1 for the viewer's first attempt of the quiz, then 2, ...",
    }),
    score: t.exposeFloat('score', { nullable: true, description: 'Fraction correct, 0..1, once finished' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    quiz: t.field({
      type: QuizRef,
      resolve: async (attempt, _args, context) => (await context.loaders.quizById.load(attempt.quiz.id))!,
    }),
    answers: t.field({
      type: [AttemptAnswerRef],
      resolve: (attempt, _args, context) => context.loaders.answersByAttempt.load(attempt.id),
    }),
  }),
});

builder.objectField(RoomRef, 'quizzes', (t) =>
  t.connection({
    type: QuizRef,
    description: 'Quizzes in the room, newest first',
    resolve: async (room, args, context, info) =>
      arrayConnection(
        args,
        await context.loaders.quizzesByRoom.load({ id: room.id, fields: connectionNodeFields(info) }),
      ),
  }),
);

export const QuizProgressRef = builder.objectRef<QuizProgressEvent>('QuizProgress').implement({
  fields: (t) => ({
    status: t.field({ type: QuizStatusEnum, resolve: (event) => event.status }),
    error: t.exposeString('error', { nullable: true }),
    drafted: t.int({ resolve: (event) => event.stats?.drafted ?? 0 }),
    verified: t.int({ resolve: (event) => event.stats?.verified ?? 0 }),
    rejected: t.int({ resolve: (event) => event.stats?.rejected ?? 0 }),
    round: t.int({ resolve: (event) => event.stats?.rounds ?? 0 }),
    stats: t.field({ type: QuizStatsRef, nullable: true, resolve: (event) => event.stats }),
    quiz: t.field({
      type: QuizRef,
      nullable: true,
      resolve: (event, _args, context) => context.loaders.quizById.load(event.quizId),
    }),
  }),
});
