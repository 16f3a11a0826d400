import { z } from 'zod';
import { authorize } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { LiveQuizEventRef, LiveQuizSessionRef } from '../schema/live.ts';
import { QuestionRef, QuizRef } from '../schema/quiz.ts';
import type { LiveQuizEvent } from '../src/events.ts';
import { joinLiveQuiz, nextLiveQuestion, startLiveQuiz, submitLiveAnswer } from '../src/live/live-service.ts';
import { liveSubscription } from '../src/pubsub.ts';

const SubmitLiveAnswerInput = builder.inputType('SubmitLiveAnswerInput', {
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: LiveQuizSessionRef }),
    questionId: t.globalID({ required: true, for: QuestionRef }),
    answer: t.string({ required: true, validate: z.string().trim().min(1, 'must not be empty').max(500) }),
  }),
});

const LiveAnswerReceiptRef = builder
  .objectRef<{ accepted: boolean; answeredAt: Date }>('LiveAnswerReceipt')
  .implement({
    description: 'The answer was recorded; whether it was right is shown to everyone at the reveal',
    fields: (t) => ({
      accepted: t.exposeBoolean('accepted'),
      answeredAt: t.expose('answeredAt', { type: 'DateTime' }),
    }),
  });

builder.mutationFields((t) => ({
  startLiveQuiz: t.field({
    type: LiveQuizSessionRef,
    args: {
      quizId: t.arg.globalID({ required: true, for: QuizRef }),
      questionSeconds: t.arg.int({ validate: z.number().int().min(5).max(600).nullish() }),
    },
    authScopes: authorize('startLiveQuiz'),
    resolve: async (_root, args, context) =>
      startLiveQuiz(
        context.em,
        context.services,
        context.viewer!.id,
        (await context.loaders.quizById.load(args.quizId.id))!,
        { questionSeconds: args.questionSeconds },
      ),
  }),
  joinLiveQuiz: t.field({
    type: LiveQuizSessionRef,
    args: { joinCode: t.arg.string({ required: true, validate: z.string().trim().min(4).max(20) }) },
    authScopes: authorize('joinLiveQuiz'),
    resolve: (_root, args, context) =>
      joinLiveQuiz(context.em, context.services, context.viewer!.id, args.joinCode, {
        socketId: context.socketId,
      }),
  }),
  nextLiveQuestion: t.field({
    type: LiveQuizSessionRef,
    description: 'Host only: opens the next question with a deadline, or reveals the open one, or finishes',
    args: { sessionId: t.arg.globalID({ required: true, for: LiveQuizSessionRef }) },
    authScopes: authorize('nextLiveQuestion'),
    resolve: async (_root, args, context) =>
      nextLiveQuestion(
        context.em,
        context.services,
        (await context.loaders.liveSessionById.load(args.sessionId.id))!,
      ),
  }),
  submitLiveAnswer: t.field({
    type: LiveAnswerReceiptRef,
    args: { input: t.arg({ type: SubmitLiveAnswerInput, required: true }) },
    authScopes: authorize('submitLiveAnswer'),
    resolve: async (_root, { input }, context) =>
      submitLiveAnswer(
        context.em,
        context.services,
        (await context.loaders.liveSessionById.load(input.sessionId.id))!,
        context.viewer!.id,
        { questionId: input.questionId.id, answer: input.answer },
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  liveQuiz: t.field({
    type: LiveQuizEventRef,
    description:
      'Lobby, open question (without its answer), reveal with counts, leaderboard; current state first',
    args: { sessionId: t.arg.globalID({ required: true, for: LiveQuizSessionRef }) },
    authScopes: authorize('liveQuiz'),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'live:quiz', args.sessionId.id, {
        snapshot: () => context.services.liveEvents.current(context.em, args.sessionId.id),
        isTerminal: (event) => event.state === 'FINISHED',
        select: newerOnly(),
      }),
    // Events carry everything they show: no database read per subscriber.
    resolve: (event) => event,
  }),
}));

/** Events are built concurrently and may cross on the way: a subscriber only ever moves forward. */
function newerOnly() {
  let seq = -1;
  return (event: LiveQuizEvent) => {
    if (event.seq <= seq) return undefined;
    seq = event.seq;
    return event;
  };
}
