import type { EntityManager } from '@mikro-orm/postgresql';
import { Quiz } from '../entities/quiz.ts';
import type { QuizProgressEvent } from '../events.ts';
import type { PubSub } from '../pubsub.ts';

export function quizProgressOf(quiz: Pick<Quiz, 'id' | 'status' | 'error' | 'stats'>): QuizProgressEvent {
  return { quizId: quiz.id, status: quiz.status, error: quiz.error ?? null, stats: quiz.stats ?? null };
}

export function publishQuizProgress(pubsub: PubSub, quiz: Pick<Quiz, 'id' | 'status' | 'error' | 'stats'>) {
  pubsub.publish('quiz:progress', quiz.id, quizProgressOf(quiz));
}

/** The quiz's stored progress, for a subscriber's first event; null when it does not exist. */
export async function currentQuizProgress(
  em: EntityManager,
  quizId: string,
): Promise<QuizProgressEvent | null> {
  const quiz = await em.findOne(Quiz, quizId, { disableIdentityMap: true });
  return quiz ? quizProgressOf(quiz) : null;
}
