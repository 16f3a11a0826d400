import type { EntityManager } from '@mikro-orm/postgresql';
import { LiveAnswer, LiveParticipant, type LiveQuizSession } from '../entities/live.ts';
import { Question } from '../entities/quiz.ts';
import type { LiveQuizEvent, Standing } from '../events.ts';

const LOBBY_NAMES = 100;
const LEADERBOARD = 10;

export async function buildLiveEvent(em: EntityManager, session: LiveQuizSession): Promise<LiveQuizEvent> {
  const [questions, participants] = await Promise.all([
    em.find(Question, { quiz: session.quiz.id }, { orderBy: { ordinal: 'asc' } }),
    em.find(LiveParticipant, { session: session.id }, { orderBy: { score: 'desc', createdAt: 'asc' } }),
  ]);
  const current = session.questionIndex >= 0 ? questions[session.questionIndex] : undefined;
  const answers = current ? await em.find(LiveAnswer, { session: session.id, question: current.id }) : [];
  // Competition ranking: equal scores share a rank (1, 2, 2, 4).
  const standings: Record<string, Standing> = {};
  let rank = 0;
  for (const [i, participant] of participants.entries()) {
    if (i === 0 || participants[i - 1]!.score !== participant.score) rank = i + 1;
    standings[participant.user.id] = {
      participantId: participant.id,
      userId: participant.user.id,
      displayName: participant.displayName,
      score: participant.score,
      rank,
    };
  }
  const showQuestion = current && (session.state === 'QUESTION' || session.state === 'REVEAL');
  return {
    sessionId: session.id,
    seq: session.seq,
    state: session.state,
    joinCode: session.joinCode,
    questionIndex: session.questionIndex,
    questionCount: questions.length,
    deadline: session.state === 'QUESTION' && session.deadline ? session.deadline.toISOString() : null,
    question: showQuestion
      ? { id: current.id, kind: current.kind, prompt: current.prompt, options: current.options }
      : null,
    reveal:
      current && session.state === 'REVEAL'
        ? {
            questionId: current.id,
            correctAnswer: current.answer,
            explanation: current.explanation,
            optionCounts: current.options.map((option) => ({
              option,
              count: answers.filter(
                (answer) => answer.answer.trim().toLowerCase() === option.trim().toLowerCase(),
              ).length,
            })),
            answered: answers.length,
          }
        : null,
    answeredCount: answers.length,
    participantCount: participants.length,
    lobby: participants.slice(0, LOBBY_NAMES).map((participant) => participant.displayName),
    leaderboard: Object.values(standings).slice(0, LEADERBOARD),
    standings,
  };
}
