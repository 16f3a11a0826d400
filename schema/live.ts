import { encodeGlobalID } from '@pothos/plugin-relay';
import { LIVE_STATES, type LiveQuizSession } from '../src/entities/live.ts';
import type { LiveQuizEvent, Standing } from '../src/events.ts';
import { builder } from './builder.ts';
import { QuestionKindEnum } from './quiz.ts';

export const LiveStateEnum = builder.enumType('LiveQuizState', { values: LIVE_STATES });

export const LiveQuizSessionRef = builder.objectRef<LiveQuizSession>('LiveQuizSession').implement({
  fields: (t) => ({
    id: t.id({ resolve: (session) => encodeGlobalID('LiveQuizSession', session.id) }),
    joinCode: t.exposeString('joinCode', { description: 'Six characters, unambiguous when read aloud' }),
    state: t.field({ type: LiveStateEnum, resolve: (session) => session.state }),
    questionSeconds: t.exposeInt('questionSeconds'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const StandingRef = builder.objectRef<Standing>('LiveStanding').implement({
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    score: t.exposeInt('score'),
    rank: t.exposeInt('rank'),
  }),
});

const LiveQuestionRef = builder.objectRef<NonNullable<LiveQuizEvent['question']>>('LiveQuestion').implement({
  description: 'The open question, without its answer',
  fields: (t) => ({
    id: t.id({ resolve: (question) => encodeGlobalID('Question', question.id) }),
    kind: t.field({ type: QuestionKindEnum, resolve: (question) => question.kind as never }),
    prompt: t.exposeString('prompt'),
    options: t.exposeStringList('options'),
  }),
});

const OptionCountRef = builder.objectRef<{ option: string; count: number }>('LiveOptionCount').implement({
  fields: (t) => ({ option: t.exposeString('option'), count: t.exposeInt('count') }),
});

const LiveRevealRef = builder.objectRef<NonNullable<LiveQuizEvent['reveal']>>('LiveReveal').implement({
  fields: (t) => ({
    questionId: t.id({ resolve: (reveal) => encodeGlobalID('Question', reveal.questionId) }),
    correctAnswer: t.exposeString('correctAnswer'),
    explanation: t.exposeString('explanation'),
    optionCounts: t.field({ type: [OptionCountRef], resolve: (reveal) => reveal.optionCounts }),
    answered: t.exposeInt('answered'),
  }),
});

export const LiveQuizEventRef = builder.objectRef<LiveQuizEvent>('LiveQuizEvent').implement({
  description: 'The whole session state; each change sends a new one, the current one comes first',
  fields: (t) => ({
    sessionId: t.id({ resolve: (event) => encodeGlobalID('LiveQuizSession', event.sessionId) }),
    seq: t.exposeInt('seq', { description: 'Increases with every state change' }),
    state: t.field({ type: LiveStateEnum, resolve: (event) => event.state }),
    joinCode: t.exposeString('joinCode'),
    questionIndex: t.exposeInt('questionIndex'),
    questionCount: t.exposeInt('questionCount'),
    deadline: t.string({ nullable: true, resolve: (event) => event.deadline }),
    question: t.field({ type: LiveQuestionRef, nullable: true, resolve: (event) => event.question }),
    reveal: t.field({ type: LiveRevealRef, nullable: true, resolve: (event) => event.reveal }),
    answeredCount: t.exposeInt('answeredCount'),
    participantCount: t.exposeInt('participantCount'),
    lobby: t.exposeStringList('lobby', { description: 'Names of the players who joined (first 100)' }),
    leaderboard: t.field({
      type: [StandingRef],
      description: 'Top 10',
      resolve: (event) => event.leaderboard,
    }),
    me: t.field({
      type: StandingRef,
      nullable: true,
      description: "The viewer's own standing (null for the host)",
      resolve: (event, _args, context) =>
        context.viewer ? (event.standings[context.viewer.id] ?? null) : null,
    }),
  }),
});
