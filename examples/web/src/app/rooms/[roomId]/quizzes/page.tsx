import { loadForPage } from '@/lib/api';
import { RoomQuizzesQuery } from '@/operations/quizzes';
import { QuizzesPanel } from './quizzes-panel';

export default async function QuizzesPage({ params }: PageProps<'/rooms/[roomId]/quizzes'>) {
  const { roomId } = await params;
  const { room } = await loadForPage(RoomQuizzesQuery, { roomId: decodeURIComponent(roomId) });
  return (
    <QuizzesPanel
      roomId={room.id}
      canEdit={room.viewerRole === 'OWNER' || room.viewerRole === 'EDITOR'}
      initial={room.quizzes.edges.map((edge) => edge.node)}
      documents={room.documents.edges.map((edge) => edge.node).filter((d) => d.status === 'READY')}
    />
  );
}
