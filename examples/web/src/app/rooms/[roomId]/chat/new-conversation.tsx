'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startConversation } from '@/actions/chat';
import { Composer } from '@/components/chat/thread';

export function NewConversation({ roomId, readyDocuments }: { roomId: string; readyDocuments: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <section className="thread glass" aria-label="New conversation">
      <div className="messages">
        <h2>Ask your material</h2>
        <p className="muted">
          {readyDocuments
            ? `Answers come from the ${readyDocuments} ready document${readyDocuments === 1 ? '' : 's'} of this room, with the passages they rest on.`
            : 'Upload a document first: answers come from the room’s own material.'}
        </p>
      </div>
      <Composer
        disabled={pending}
        onAsk={async (question) => {
          setPending(true);
          setError(null);
          const result = await startConversation(roomId, question);
          if (!result.ok) {
            setPending(false);
            setError(result.error);
            return false;
          }
          router.push(`/rooms/${encodeURIComponent(roomId)}/chat/${encodeURIComponent(result.data)}`);
          return true;
        }}
      />
      <p className="error" role="alert" style={{ padding: '0 0.9rem' }}>
        {error}
      </p>
    </section>
  );
}
