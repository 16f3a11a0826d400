import { loadForPage } from '@/lib/api';
import { RoomDocumentsQuery } from '@/operations/documents';
import { DocumentsPanel } from './documents-panel';

export default async function RoomPage({ params }: PageProps<'/rooms/[roomId]'>) {
  const { roomId } = await params;
  const { room } = await loadForPage(RoomDocumentsQuery, { id: decodeURIComponent(roomId) });
  return (
    <DocumentsPanel
      roomId={room.id}
      canEdit={room.viewerRole === 'OWNER' || room.viewerRole === 'EDITOR'}
      initial={room.documents.edges.map((edge) => edge.node)}
    />
  );
}
