import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The questions, among `questionIds`, that a live session has open right now (QUESTION state, not
 * expired). While a question is open live, no solo attempt grades it and no viewer sees its answer:
 * otherwise a player could read it from a throwaway attempt during the game.
 */
export async function openLiveQuestionIds(
  em: EntityManager,
  questionIds: readonly string[],
): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select q.id from question q
     join live_quiz_session s on s.quiz_id = q.quiz_id and s.question_index = q.ordinal
     where q.id in (?) and s.state = 'QUESTION' and s.expires_at > now()`,
    [[...questionIds]],
  );
  return new Set(rows.map((row) => row.id));
}
