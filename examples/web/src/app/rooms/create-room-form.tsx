'use client';

import { useActionState } from 'react';
import { createRoom, type FormState } from '@/actions/rooms';

export function CreateRoomForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createRoom, { error: null });
  return (
    <form action={action} className="stack">
      <div>
        <label htmlFor="room-name">Name</label>
        <input id="room-name" name="name" required maxLength={200} placeholder="Biology 101" />
      </div>
      <div>
        <label htmlFor="room-description">Description</label>
        <input id="room-description" name="description" maxLength={2000} placeholder="optional" />
      </div>
      <button type="submit" className="primary" disabled={pending} data-testid="create-room">
        Create room
      </button>
      <p className="error" role="alert">
        {state.error}
      </p>
    </form>
  );
}
