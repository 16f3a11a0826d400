import { z } from 'zod';
import { attemptLimit, authorize, revealed } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { DocumentRef } from '../schema/document.ts';
import {
  EvidenceRef,
  QuestionKindEnum,
  QuestionRef,
  QuizAttemptRef,
  QuizProgressRef,
  QuizRef,
  RevealAnswersEnum,
} from '../schema/quiz.ts';
import { RoomRef } from '../schema/room.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import type { Question } from '../src/entities/quiz.ts';
import { liveSubscription } from '../src/pubsub.ts';
import { currentQuizProgress } from '../src/quizzes/quiz-progress.ts';
import {
  attemptWithQuiz,
  finishQuizAttempt,
  generateQuiz,
  startQuizAttempt,
  submitAnswer,
  updateQuizSettings,
} from '../src/quizzes/quiz-service.ts';
import type { Context } from '../src/transport/context.ts';

const MAX_ATTEMPTS = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').nullish();

const GenerateQuizInput = builder.inputType('GenerateQuizInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    documentIds: t.globalIDList({
      for: DocumentRef,
      description: 'Defaults to every READY document of the room',
    }),
    questionCount: t.int({
      required: true,
      validate: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'),
    }),
    kinds: t.field({ type: [QuestionKindEnum], description: 'Defaults to all three kinds' }),
    title: t.string({ validate: z.string().max(200, 'must be at most 200 characters').nullish() }),
    maxAttempts: t.int({
      description: 'Attempts each viewer may start; omitted or null: unlimited (practice)',
      validate: MAX_ATTEMPTS,
    }),
    revealAnswers: t.field({ type: RevealAnswersEnum, description: 'Defaults to AFTER_EACH' }),
  }),
});

const UpdateQuizSettingsInput = builder.inputType('UpdateQuizSettingsInput', {
  fields: (t) => ({
    quizId: t.globalID({ required: true, for: QuizRef }),
    maxAttempts: t.int({
      description: 'Omitted: unchanged; null: unlimited',
      validate: MAX_ATTEMPTS,
    }),
    revealAnswers: t.field({ type: RevealAnswersEnum, description: 'Omitted: unchanged' }),
  }),
});

const SubmitAnswerInput = builder.inputType('SubmitAnswerInput', {
  fields: (t) => ({
    attemptId: t.globalID({ required: true, for: QuizAttemptRef }),
    questionId: t.globalID({ required: true, for: QuestionRef }),
    answer: t.string({ required: true, validate: z.string().trim().min(1, 'must not be empty').max(2000) }),
  }),
});

const AnswerResultRef = builder
  .objectRef<{ correct: boolean; question: Question }>('AnswerResult')
  .implement({
    description:
      'The server’s grading of one answer; the correct answer, explanation and evidence as the quiz’s `revealAnswers` allows',
    fields: (t) => {
      const ofQuestion = <T>(read: (question: Question) => T) => {
        const gated = revealed(read);
        return (result: { question: Question }, args: unknown, context: Context) =>
          gated(result.question, args, context);
      };
      return {
        correct: t.exposeBoolean('correct'),
        explanation: t.string({ nullable: true, resolve: ofQuestion((question) => question.explanation) }),
        correctAnswer: t.string({ nullable: true, resolve: ofQuestion((question) => question.answer) }),
        evidence: t.field({ type: EvidenceRef, nullable: true, resolve: ofQuestion((question) => question) }),
        question: t.field({ type: QuestionRef, resolve: (result) => result.question }),
      };
    },
  });

builder.mutationFields((t) => ({
  generateQuiz: t.field({
    type: QuizRef,
    description: 'Enqueues generation and returns the GENERATING quiz; follow it with quizProgress',
    args: { input: t.arg({ type: GenerateQuizInput, required: true }) },
    authScopes: authorize('generateQuiz'),
    resolve: async (_root, { input }, context) => {
      const quiz = await generateQuiz(context.em, context.services, context.viewer!.id, {
        roomId: input.roomId.id,
        documentIds: input.documentIds?.map((id) => id.id),
        questionCount: input.questionCount,
        kinds: input.kinds,
        title: input.title,
        maxAttempts: input.maxAttempts,
        revealAnswers: input.revealAnswers,
      });
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'QUIZ_GENERATED',
        subject: { type: 'Quiz', id: quiz.id },
        detail: { title: quiz.title, questionCount: input.questionCount, documentIds: quiz.documentIds },
      });
      return quiz;
    },
  }),
  updateQuizSettings: t.field({
    type: QuizRef,
    description: 'Editors and owners: how many attempts viewers get, and when they see answers',
    args: { input: t.arg({ type: UpdateQuizSettingsInput, required: true }) },
    authScopes: authorize('updateQuizSettings'),
    resolve: async (_root, { input }, context) =>
      updateQuizSettings(context.em, (await context.loaders.quizById.load(input.quizId.id))!, {
        maxAttempts: input.maxAttempts,
        revealAnswers: input.revealAnswers ?? undefined,
      }),
  }),
  startQuizAttempt: t.field({
    type: QuizAttemptRef,
    args: { quizId: t.arg.globalID({ required: true, for: QuizRef }) },
    authScopes: authorize('startQuizAttempt'),
    resolve: async (_root, args, context) => {
      const quiz = (await context.loaders.quizById.load(args.quizId.id))!;
      return startQuizAttempt(context.em, context.viewer!.id, quiz, await attemptLimit(context, quiz));
    },
  }),
  submitAnswer: t.field({
    type: AnswerResultRef,
    args: { input: t.arg({ type: SubmitAnswerInput, required: true }) },
    authScopes: authorize('submitAnswer'),
    resolve: async (_root, { input }, context) => {
      const result = await submitAnswer(
        context.em,
        context.services,
        await attemptWithQuiz(context.em, input.attemptId.id),
        { questionId: input.questionId.id, answer: input.answer },
      );
      // The reveal rule must see this answer, whatever this operation read before it.
      context.loaders.answeredByViewer.clear(result.question.id);
      return result;
    },
  }),
  finishQuizAttempt: t.field({
    type: QuizAttemptRef,
    args: { attemptId: t.arg.globalID({ required: true, for: QuizAttemptRef }) },
    authScopes: authorize('finishQuizAttempt'),
    resolve: async (_root, args, context) => {
      const attempt = await finishQuizAttempt(
        context.em,
        await attemptWithQuiz(context.em, args.attemptId.id),
      );
      context.loaders.answeredByViewer.clearAll(); // AFTER_FINISH reveals from here on
      return attempt;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  quizProgress: t.field({
    type: QuizProgressRef,
    description:
      'Drafted, verified and rejected counts and the round; the current state first, live until READY or FAILED',
    args: { quizId: t.arg.globalID({ required: true, for: QuizRef }) },
    authScopes: authorize('quizProgress'),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'quiz:progress', args.quizId.id, {
        snapshot: () => currentQuizProgress(context.em, args.quizId.id),
        isTerminal: (event) => event.status !== 'GENERATING',
      }),
    resolve: (event, _args, context) => {
      context.refresh();
      return event;
    },
  }),
}));
