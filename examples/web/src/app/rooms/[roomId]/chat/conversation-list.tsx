import Link from 'next/link';

export function ConversationList({
  roomId,
  conversations,
  current,
}: {
  roomId: string;
  conversations: Array<{ id: string; title: string }>;
  current?: string;
}) {
  const base = `/rooms/${encodeURIComponent(roomId)}/chat`;
  return (
    <nav className="panel glass conversation-list" aria-label="Conversations">
      <Link href={base} aria-current={current ? undefined : 'page'} data-testid="new-conversation">
        + New conversation
      </Link>
      {conversations.map((conversation) => (
        <Link
          key={conversation.id}
          href={`${base}/${encodeURIComponent(conversation.id)}`}
          aria-current={conversation.id === current ? 'page' : undefined}
          title={conversation.title}
        >
          {conversation.title}
        </Link>
      ))}
    </nav>
  );
}
