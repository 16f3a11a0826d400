import { loadForPage } from '@/lib/api';
import { RoomReviewQuery } from '@/operations/review';
import { DecksPanel } from './decks-panel';
import { ReviewSession } from './review-session';

export default async function ReviewPage({ params }: PageProps<'/rooms/[roomId]/review'>) {
  const { roomId } = await params;
  const { room, reviewQueue } = await loadForPage(RoomReviewQuery, { roomId: decodeURIComponent(roomId) });
  return (
    <div className="stack">
      <ReviewSession queue={reviewQueue} />
      <DecksPanel
        roomId={room.id}
        canEdit={room.viewerRole === 'OWNER' || room.viewerRole === 'EDITOR'}
        initial={room.decks.edges.map((edge) => edge.node)}
        documents={room.documents.edges.map((edge) => edge.node).filter((d) => d.status === 'READY')}
      />
    </div>
  );
}
