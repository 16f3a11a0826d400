import { notFound } from 'next/navigation';
import { Thread } from '@/components/chat/thread';
import { loadForPage } from '@/lib/api';
import { ConversationQuery, ConversationsQuery } from '@/operations/chat';
import { ConversationList } from '../conversation-list';

export default async function ConversationPage({
  params,
}: PageProps<'/rooms/[roomId]/chat/[conversationId]'>) {
  const { roomId, conversationId } = await params;
  const [{ room }, { node }] = await Promise.all([
    loadForPage(ConversationsQuery, { roomId: decodeURIComponent(roomId) }),
    loadForPage(ConversationQuery, { id: decodeURIComponent(conversationId) }),
  ]);
  if (node?.__typename !== 'Conversation') notFound();
  return (
    <div className="chat">
      <ConversationList
        roomId={room.id}
        conversations={room.conversations.edges.map((edge) => edge.node)}
        current={node.id}
      />
      <Thread key={node.id} conversationId={node.id} initial={node.messages.edges.map((edge) => edge.node)} />
    </div>
  );
}
