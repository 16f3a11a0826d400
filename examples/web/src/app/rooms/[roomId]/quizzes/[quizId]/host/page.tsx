import { notFound } from 'next/navigation';
import { LiveHost } from '@/components/live/live-host';
import { loadForPage } from '@/lib/api';
import { QuizForTakingQuery } from '@/operations/quizzes';

export default async function HostPage({ params }: PageProps<'/rooms/[roomId]/quizzes/[quizId]/host'>) {
  const { quizId } = await params;
  const { node } = await loadForPage(QuizForTakingQuery, { id: decodeURIComponent(quizId) });
  if (node?.__typename !== 'Quiz') notFound();
  return <LiveHost quizId={node.id} title={node.title} />;
}
