import { loadForPage } from '@/lib/api';
import { ConversationsQuery } from '@/operations/chat';
import { ConversationList } from './conversation-list';
import { NewConversation } from './new-conversation';

export default async function ChatPage({ params }: PageProps<'/rooms/[roomId]/chat'>) {
  const { roomId } = await params;
  const { room } = await loadForPage(ConversationsQuery, { roomId: decodeURIComponent(roomId) });
  const ready = room.documents.edges.filter(({ node }) => node.status === 'READY').length;
  return (
    <div className="chat">
      <ConversationList roomId={room.id} conversations={room.conversations.edges.map((edge) => edge.node)} />
      <NewConversation roomId={room.id} readyDocuments={ready} />
    </div>
  );
}
