import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AttemptAnswer, Question, Quiz, QuizAttempt } from '../src/entities/quiz.ts';
import { openLiveQuestionIds } from '../src/live/open-questions.ts';
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

/** Whether the viewer has answered each question in an attempt of theirs, and in a finished one. */
export interface AnsweredState {
  answered: boolean;
  inFinishedAttempt: boolean;
}

/** The reveal rule's input (schema/access.ts): which questions the viewer has answered, and how. */
export function answeredByViewerLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, AnsweredState>(async (questionIds) => {
    if (!viewerId) return questionIds.map(() => ({ answered: false, inFinishedAttempt: false }));
    const rows = await em.getConnection().execute<{ question_id: string; finished: boolean }[]>(
      `select a.question_id, bool_or(t.finished_at is not null) as finished
       from attempt_answer a join quiz_attempt t on t.id = a.attempt_id
       where t.user_id = ? and a.question_id in (?) group by a.question_id`,
      [viewerId, [...questionIds]],
    );
    const byQuestion = new Map(rows.map((row) => [row.question_id, row.finished]));
    return questionIds.map((id) => ({
      answered: byQuestion.has(id),
      inFinishedAttempt: byQuestion.get(id) === true,
    }));
  }, options);
}

/** Whether each question is open (QUESTION state) in a live session right now. */
export function liveOpenQuestionLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, boolean>(async (questionIds) => {
    const open = await openLiveQuestionIds(em, questionIds);
    return questionIds.map((id) => open.has(id));
  }, options);
}
