'use client';

import { useState, useTransition } from 'react';
import { inviteMember } from '@/actions/rooms';
import type { RoomRole } from '@/gql/graphql';

export function InviteForm({ roomId }: { roomId: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const email = String(form.get('email'));
        const role = String(form.get('role')) as RoomRole;
        const target = event.currentTarget;
        setError(null);
        setNotice(null);
        start(async () => {
          const result = await inviteMember(roomId, email, role);
          if (result.ok) {
            setNotice(`Invited ${email} as ${result.data.role.toLowerCase()}`);
            target.reset();
          } else setError(result.error);
        });
      }}
    >
      <div>
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" name="email" type="email" required autoComplete="off" />
      </div>
      <div>
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" name="role" defaultValue="VIEWER">
          <option value="VIEWER">Viewer: reads, asks, takes quizzes</option>
          <option value="EDITOR">Editor: also uploads and makes quizzes</option>
          <option value="OWNER">Owner: also manages members</option>
        </select>
      </div>
      <button type="submit" className="primary" disabled={pending} data-testid="invite">
        Invite
      </button>
      <p className="notice" aria-live="polite">
        {notice}
      </p>
      <p className="error" role="alert">
        {error}
      </p>
    </form>
  );
}
