import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AttemptAnswer, Question, Quiz, QuizAttempt } from '../src/entities/quiz.ts';
import type { LoaderOptions } from './group.ts';
import { findRows, groupBy, listLoader, type ReadModel } from './group.ts';

/** A quiz as the schema reads it: a managed entity or a read-only row. */
export type QuizView = ReadModel<Quiz, 'room' | 'createdBy'>;

/** Newest first; keyed by room and the fields read (see `listLoader`). */
export function quizzesByRoomLoader(em: EntityManager, options?: LoaderOptions) {
  return listLoader(
    (roomIds, fields) =>
      findRows<Quiz, QuizView>(
        em,
        Quiz,
        { room: { $in: roomIds } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, fields },
      ),
    (quiz) => quiz.room.id,
    options,
  );
}

export function questionsByQuizLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Question[]>(async (quizIds) => {
    const questions = await em.find(
      Question,
      { quiz: { $in: [...quizIds] } },
      { orderBy: { ordinal: 'asc' } },
    );
    return groupBy(quizIds, questions, (question) => question.quiz.id);
  }, options);
}

/** The viewer's own attempts per quiz, newest first. */
export function attemptsByQuizLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, QuizAttempt[]>(async (quizIds) => {
    if (!viewerId) return quizIds.map(() => []);
    const attempts = await em.find(
      QuizAttempt,
      { quiz: { $in: [...quizIds] }, user: viewerId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupBy(quizIds, attempts, (attempt) => attempt.quiz.id);
  }, options);
}

export function answersByAttemptLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, AttemptAnswer[]>(async (attemptIds) => {
    const answers = await em.find(
      AttemptAnswer,
      { attempt: { $in: [...attemptIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
    return groupBy(attemptIds, answers, (answer) => answer.attempt.id);
  }, options);
}

/** Questions the viewer has answered in any attempt of theirs: only those reveal answer and explanation. */
export function answeredByViewerLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, boolean>(async (questionIds) => {
    if (!viewerId) return questionIds.map(() => false);
    const answered = await em.find(
      AttemptAnswer,
      { question: { $in: [...questionIds] }, attempt: { user: viewerId } },
      { fields: ['question'] },
    );
    const ids = new Set(answered.map((answer) => answer.question.id));
    return questionIds.map((id) => ids.has(id));
  }, options);
}
