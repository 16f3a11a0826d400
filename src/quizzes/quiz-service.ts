import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinBudget, type BudgetServices, llmBudgetAllows } from '../budgets/usage-service.ts';
import { readyDocuments } from '../documents/document-service.ts';
import { AttemptAnswer, Question, Quiz, QuizAttempt, type RevealAnswers } from '../entities/quiz.ts';
import { Room } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { badInput, notFound } from '../errors.ts';
import { addMissedQuestion } from '../flashcards/deck-service.ts';
import { sendForRoom } from '../jobs/fair-queue.ts';
import { chargeTo, QUEUES } from '../jobs/queue.ts';
import { openLiveQuestionIds } from '../live/open-questions.ts';
import type { LlmMeter } from '../llm/llm-meter.ts';
import type { Services } from '../services.ts';
import { gradeAnswerWithJudge, type ShortAnswerJudge } from './engine/grade.ts';
import type { QuestionKind } from './engine/types.ts';
import type { QuizEngines } from './quiz-engines.ts';
import { publishQuizProgress } from './quiz-progress.ts';

export interface GenerateQuizInput {
  roomId: string;
  documentIds?: string[] | null;
  questionCount: number;
  kinds?: QuestionKind[] | null;
  title?: string | null;
  maxAttempts?: number | null;
  revealAnswers?: RevealAnswers | null;
}

/** Creates a GENERATING quiz over READY documents of the room and enqueues its generation. */
export async function generateQuiz(
  em: EntityManager,
  services: Pick<Services, 'queue' | 'pubsub' | 'config'> & BudgetServices,
  creatorId: string,
  input: GenerateQuizInput,
): Promise<Quiz> {
  const documents = await readyDocuments(em, input.roomId, input.documentIds, 'a quiz', {
    includeEditorsOnly: true,
  });
  await assertWithinBudget(em, services, {
    roomId: input.roomId,
    userId: creatorId,
    spending: { kind: 'llm' },
  });
  const quiz = em.create(Quiz, {
    room: em.getReference(Room, input.roomId),
    createdBy: em.getReference(User, creatorId),
    title:
      input.title?.trim() ||
      `Quiz on ${documents.map((document) => document.title).join(', ')}`.slice(0, 200),
    documentIds: documents.map((document) => document.id),
    requestedCount: input.questionCount,
    kinds: input.kinds?.length
      ? [...new Set(input.kinds)]
      : ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'],
    maxAttempts: input.maxAttempts ?? null,
    revealAnswers: input.revealAnswers ?? 'AFTER_EACH',
  });
  await em.flush();
  quiz.jobId = await sendForRoom(
    services.queue,
    services.config,
    QUEUES.quiz,
    input.roomId,
    { quizId: quiz.id, ...chargeTo(input.roomId, creatorId) },
    { singletonKey: quiz.id },
  );
  await em.flush();
  publishQuizProgress(services.pubsub, quiz);
  return quiz;
}

/** Changes how many attempts viewers get and when they see answers; `undefined` leaves a setting as is. */
export async function updateQuizSettings(
  em: EntityManager,
  quiz: Quiz,
  settings: { maxAttempts?: number | null; revealAnswers?: RevealAnswers },
): Promise<Quiz> {
  if (settings.maxAttempts !== undefined) quiz.maxAttempts = settings.maxAttempts;
  if (settings.revealAnswers !== undefined) quiz.revealAnswers = settings.revealAnswers;
  await em.flush();
  return quiz;
}

/**
 * Starts the user's next attempt, numbered 1, 2, ...; `limit` (null: unlimited) bounds how many they may
 * start in all. The (quiz, user, number) unique constraint decides between concurrent starts: a loser
 * counts again, so parallel requests never exceed the limit.
 */
export async function startQuizAttempt(
  em: EntityManager,
  userId: string,
  quiz: Quiz,
  limit: number | null,
): Promise<QuizAttempt> {
  if (quiz.status !== 'READY') throw badInput('The quiz is not ready yet', 'quizId');
  for (let tries = 0; ; tries++) {
    const started = await em.count(QuizAttempt, { quiz: quiz.id, user: userId });
    if (limit !== null && started >= limit)
      throw badInput(
        `You have used all ${limit} attempt${limit === 1 ? '' : 's'} this quiz allows`,
        'quizId',
      );
    const fork = em.fork();
    const attempt = fork.create(QuizAttempt, { quiz: quiz.id, user: userId, number: started + 1 });
    try {
      await fork.flush();
      return attempt;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || tries >= 20) throw error;
    }
  }
}

/** An attempt with its quiz; who may act on it is decided by the caller (schema/access.ts). */
export async function attemptWithQuiz(em: EntityManager, attemptId: string): Promise<QuizAttempt> {
  const attempt = await em.findOne(QuizAttempt, attemptId, { populate: ['quiz'] });
  if (!attempt) throw notFound('Attempt');
  return attempt;
}

export interface SubmittedAnswer {
  correct: boolean;
  question: Question;
  answer: AttemptAnswer;
}

/**
 * Grades on the server and records exactly one answer per question per attempt: the unique constraint
 * decides between concurrent submissions, and the losers get BAD_USER_INPUT, never a 500. A wrong answer
 * (this is a solo attempt: live answers go through submitLiveAnswer) becomes a card in the member's
 * missed-questions deck.
 */
export async function submitAnswer(
  em: EntityManager,
  services: { quizEngines: Pick<QuizEngines, 'shortAnswerJudge'>; llmMeter: LlmMeter } & BudgetServices,
  attempt: QuizAttempt,
  input: { questionId: string; answer: string },
): Promise<SubmittedAnswer> {
  if (attempt.finishedAt)
    throw badInput('This attempt is finished; start a new one to answer again', 'attemptId');
  const question = await em.findOne(Question, { id: input.questionId, quiz: attempt.quiz.id });
  if (!question) throw notFound('Question');
  if ((await openLiveQuestionIds(em, [question.id])).has(question.id))
    throw badInput(
      'This question is open in a live session of this quiz right now: answer it there, or here after the host reveals it',
      'questionId',
    );
  const { correct } = await gradeAnswerWithJudge(question, input.answer, meteredJudge(em, services, attempt));
  const fork = em.fork();
  const answer = fork.create(AttemptAnswer, {
    attempt: attempt.id,
    question: question.id,
    answer: input.answer.slice(0, 2000),
    correct,
  });
  try {
    await fork.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw badInput('This question was already answered in this attempt', 'questionId');
    }
    throw error;
  }
  // A missed question's card shows its answer: it is made when the quiz reveals answers, not before.
  if (!correct && attempt.quiz.revealAnswers === 'AFTER_EACH')
    await addMissedQuestion(fork, attempt.user.id, attempt.quiz.room.id, question);
  return { correct, question, answer };
}

/**
 * The LLM judge of short answers, charged to the member answering. Over their budget the answer is not
 * refused mid-quiz: it keeps its lexical grade (wrong, or the judge would not have been asked).
 */
function meteredJudge(
  em: EntityManager,
  services: { quizEngines: Pick<QuizEngines, 'shortAnswerJudge'>; llmMeter: LlmMeter } & BudgetServices,
  attempt: QuizAttempt,
): ShortAnswerJudge | undefined {
  const judge = services.quizEngines.shortAnswerJudge;
  if (!judge) return undefined;
  const charge = { roomId: attempt.quiz.room.id, userId: attempt.user.id };
  return async (question, answer) =>
    (await llmBudgetAllows(em, services, charge)) &&
    services.llmMeter.run({ ...charge, purpose: 'grading' }, () => judge(question, answer));
}

/** Scores the attempt (fraction of the quiz's questions answered correctly) and makes it read-only. */
export async function finishQuizAttempt(em: EntityManager, attempt: QuizAttempt): Promise<QuizAttempt> {
  if (attempt.finishedAt) return attempt;
  const [total, correct] = await Promise.all([
    em.count(Question, { quiz: attempt.quiz.id }),
    em.count(AttemptAnswer, { attempt: attempt.id, correct: true }),
  ]);
  attempt.score = total === 0 ? 0 : correct / total;
  attempt.finishedAt = new Date();
  await em.flush();
  if (attempt.quiz.revealAnswers === 'AFTER_FINISH') {
    const missed = await em.find(
      AttemptAnswer,
      { attempt: attempt.id, correct: false },
      { populate: ['question'] },
    );
    for (const { question } of missed)
      await addMissedQuestion(em, attempt.user.id, attempt.quiz.room.id, question as Question);
  }
  return attempt;
}
