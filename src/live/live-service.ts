import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LiveAnswer, LiveParticipant, LiveQuizSession } from '../entities/live.ts';
import { Question, type Quiz } from '../entities/quiz.ts';
import { User } from '../entities/user.ts';
import { badInput, forbidden, notFound, rateLimited } from '../errors.ts';
import { RateLimiter } from '../limits/rate-limiter.ts';
import type { PubSub } from '../pubsub.ts';
import { gradeAnswer } from '../quizzes/engine/grade.ts';
import { generateJoinCode, normaliseJoinCode } from './join-code.ts';
import { buildLiveEvent } from './live-event.ts';
import type { LiveEventCache } from './live-event-cache.ts';

export interface LiveServices {
  pubsub: PubSub;
  liveEvents: LiveEventCache;
  joinAttempts: RateLimiter;
}

/**
 * 10 failed joins per 10 minutes, per user and per socket: plenty for a mistyped code, while guessing
 * one of 27^6 codes at that pace is hopeless (the review measured ~400 guesses a second before).
 */
export const JOIN_ATTEMPTS = { limit: 10, windowMs: 10 * 60_000 };
export const joinAttemptLimiter = () => new RateLimiter(JOIN_ATTEMPTS.limit, JOIN_ATTEMPTS.windowMs);

const SESSION_TTL_MS = 12 * 3600_000;
const FINISHED_TTL_MS = 3600_000;
/** Points for a correct answer: half for being right, half scaled by the time left. */
const MAX_POINTS = 1000;

/**
 * Bumps the session's `seq` (every change does, joins and answer counts included, so each published event
 * is newer than the last), builds the event once, remembers it for snapshots and publishes it.
 */
export async function publishLiveState(em: EntityManager, services: LiveServices, session: LiveQuizSession) {
  const [row] = await em
    .getConnection()
    .execute<{ seq: number }[]>('update live_quiz_session set seq = seq + 1 where id = ? returning seq', [
      session.id,
    ]);
  session.seq = row!.seq;
  const event = await buildLiveEvent(em, session);
  services.liveEvents.remember(event);
  services.pubsub.publish('live:quiz', session.id, event);
}

export async function startLiveQuiz(
  em: EntityManager,
  live: LiveServices,
  hostId: string,
  quiz: Quiz,
  options: { questionSeconds?: number | null } = {},
): Promise<LiveQuizSession> {
  if (quiz.status !== 'READY') throw badInput('The quiz is not ready yet', 'quizId');
  const now = Date.now();
  for (let attempt = 0; ; attempt++) {
    const joinCode = generateJoinCode();
    const clash = await em.count(LiveQuizSession, { joinCode, expiresAt: { $gt: new Date(now) } });
    if (clash && attempt < 10) continue;
    const session = em.create(LiveQuizSession, {
      quiz,
      host: em.getReference(User, hostId),
      joinCode,
      questionSeconds: options.questionSeconds ?? 20,
      expiresAt: new Date(now + SESSION_TTL_MS),
    });
    await em.flush();
    await publishLiveState(em, live, session);
    return session;
  }
}

/**
 * Any signed-in user joins by code; joining again is harmless and returns the same session. Every attempt
 * takes a slot of the user's (and the socket's) join limit before the lookup; a successful join gives it
 * back, so only wrong codes count.
 */
export async function joinLiveQuiz(
  em: EntityManager,
  live: LiveServices,
  userId: string,
  code: string,
  origin: { socketId?: string | null } = {},
) {
  const slot = live.joinAttempts.take([
    `user:${userId}`,
    ...(origin.socketId ? [`socket:${origin.socketId}`] : []),
  ]);
  if (!slot.allowed)
    throw rateLimited(
      `Too many attempts to join a live quiz; try again in ${Math.ceil(slot.retryAfterMs / 1000)} s`,
      slot.retryAfterMs,
      { limit: JOIN_ATTEMPTS.limit, windowSeconds: JOIN_ATTEMPTS.windowMs / 1000 },
    );
  const session = await em.findOne(LiveQuizSession, {
    joinCode: normaliseJoinCode(code),
    expiresAt: { $gt: new Date() },
  });
  if (!session) throw notFound('No live quiz with this code (it may have ended)');
  if (session.state === 'FINISHED') throw badInput('This live quiz has finished', 'joinCode');
  slot.refund();
  const user = await em.findOneOrFail(User, userId);
  try {
    const fork = em.fork();
    fork.create(LiveParticipant, { session: session.id, user: userId, displayName: user.displayName });
    await fork.flush();
    await publishLiveState(em, live, session);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  return session;
}

/** Host only: LOBBY → first question; QUESTION → reveal; REVEAL → next question, or FINISHED after the last. */
export async function nextLiveQuestion(em: EntityManager, live: LiveServices, session: LiveQuizSession) {
  const total = await em.count(Question, { quiz: session.quiz.id });
  const now = new Date();
  if (session.state === 'QUESTION') {
    session.state = 'REVEAL';
  } else if (session.state === 'FINISHED') {
    throw badInput('This live quiz has finished', 'sessionId');
  } else if (session.questionIndex + 1 >= total) {
    session.state = 'FINISHED';
    session.deadline = null;
    session.expiresAt = new Date(now.getTime() + FINISHED_TTL_MS);
  } else {
    session.state = 'QUESTION';
    session.questionIndex += 1;
    session.questionOpenedAt = now;
    session.deadline = new Date(now.getTime() + session.questionSeconds * 1000);
  }
  await em.flush();
  await publishLiveState(em, live, session);
  return session;
}

/**
 * One answer per player per question, before the deadline, for the open question only; scored for
 * correctness and speed. The answer's correctness is kept for the reveal.
 */
export async function submitLiveAnswer(
  em: EntityManager,
  live: LiveServices,
  session: LiveQuizSession,
  userId: string,
  input: { questionId: string; answer: string },
) {
  const now = Date.now();
  if (session.state !== 'QUESTION') throw badInput('No question is open right now', 'questionId');
  if (session.deadline && now > session.deadline.getTime())
    throw badInput('Time is up for this question', 'questionId');
  const question = await em.findOne(Question, { quiz: session.quiz.id, ordinal: session.questionIndex });
  if (!question || question.id !== input.questionId)
    throw badInput('This question is not the open one', 'questionId');
  const participant = await em.findOne(LiveParticipant, { session: session.id, user: userId });
  if (!participant) throw forbidden('Join the live quiz before answering');
  const { correct } = gradeAnswer(question, input.answer);
  const window = session.questionSeconds * 1000;
  const left = session.deadline ? Math.max(0, session.deadline.getTime() - now) / window : 0;
  const points = correct ? Math.round(MAX_POINTS / 2 + (MAX_POINTS / 2) * left) : 0;
  try {
    await em.transactional(async (tx) => {
      tx.create(LiveAnswer, {
        session: session.id,
        participant: participant.id,
        question: question.id,
        answer: input.answer,
        correct,
        points,
      });
      await tx.flush();
      if (points)
        await tx.nativeUpdate(LiveParticipant, { id: participant.id }, { score: participant.score + points });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw badInput('You already answered this question', 'questionId');
    throw error;
  }
  scheduleAnswerCount(em, live, session);
  return { accepted: true, answeredAt: new Date(now) };
}

// Answer counts reach 1,000 players at most twice a second, not once per answer.
function scheduleAnswerCount(em: EntityManager, live: LiveServices, session: LiveQuizSession) {
  const fork = em.fork();
  live.liveEvents.coalesce(session.id, 500, async () => {
    const fresh = await fork.findOne(LiveQuizSession, session.id);
    if (fresh?.state === 'QUESTION' && fresh.questionIndex === session.questionIndex) {
      await publishLiveState(fork, live, fresh).catch(() => undefined);
    }
  });
}
