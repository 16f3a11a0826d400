'use client';

import { useState, useTransition } from 'react';
import { answerInvitation } from '@/actions/rooms';
import type { RoomRole } from '@/gql/graphql';

interface Invitation {
  role: RoomRole;
  room: { id: string; name: string };
}

/** The viewer's pending invitations, each accepted or declined in place. */
export function Invitations({ invitations }: { invitations: Invitation[] }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const answer = (roomId: string, accept: boolean) => {
    setError(null);
    start(async () => {
      const result = await answerInvitation(roomId, accept);
      if (!result.ok) setError(result.error);
    });
  };
  return (
    <section className="panel glass" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <ul className="list" data-testid="invitations">
        {invitations.map(({ role, room }) => (
          <li key={room.id} className="row spread" data-testid="invitation">
            <span>
              {room.name} <span className="pill">{role.toLowerCase()}</span>
            </span>
            <span className="row">
              <button
                type="button"
                className="primary"
                disabled={pending}
                onClick={() => answer(room.id, true)}
                data-testid="accept-invitation"
              >
                Accept
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => answer(room.id, false)}
                data-testid="decline-invitation"
              >
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p className="error" role="alert">
        {error}
      </p>
    </section>
  );
}
