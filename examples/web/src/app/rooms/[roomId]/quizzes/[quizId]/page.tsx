import { notFound } from 'next/navigation';
import { loadForPage } from '@/lib/api';
import { QuizForTakingQuery } from '@/operations/quizzes';
import { QuizRunner } from './quiz-runner';

export default async function QuizPage({ params }: PageProps<'/rooms/[roomId]/quizzes/[quizId]'>) {
  const { quizId } = await params;
  const { node } = await loadForPage(QuizForTakingQuery, { id: decodeURIComponent(quizId) });
  if (node?.__typename !== 'Quiz') notFound();
  const last = node.attempts.edges.find(({ node: attempt }) => attempt.finishedAt)?.node;
  // Attempts newest first: the newest one's number is how many were started. Editors are not bound.
  const started = node.attempts.edges[0]?.node.number ?? 0;
  const bound =
    node.maxAttempts !== null && node.maxAttempts !== undefined && node.room.viewerRole === 'VIEWER';
  return (
    <QuizRunner
      quizId={node.id}
      title={node.title}
      questions={node.questions.edges.map((edge) => edge.node)}
      lastScore={last?.score ?? null}
      revealAnswers={node.revealAnswers}
      attemptsLeft={bound ? Math.max(0, node.maxAttempts! - started) : null}
    />
  );
}
