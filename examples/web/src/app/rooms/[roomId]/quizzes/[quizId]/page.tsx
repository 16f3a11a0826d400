import { notFound } from 'next/navigation';
import { loadForPage } from '@/lib/api';
import { QuizForTakingQuery } from '@/operations/quizzes';
import { QuizRunner } from './quiz-runner';

export default async function QuizPage({ params }: PageProps<'/rooms/[roomId]/quizzes/[quizId]'>) {
  const { quizId } = await params;
  const { node } = await loadForPage(QuizForTakingQuery, { id: decodeURIComponent(quizId) });
  if (node?.__typename !== 'Quiz') notFound();
  const last = node.attempts.edges.find(({ node: attempt }) => attempt.finishedAt)?.node;
  return (
    <QuizRunner
      quizId={node.id}
      title={node.title}
      questions={node.questions.edges.map((edge) => edge.node)}
      lastScore={last?.score ?? null}
    />
  );
}
