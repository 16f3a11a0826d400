'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { joinLiveQuiz } from '@/actions/live';

export function JoinForm() {
  const router = useRouter();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel glass narrow stack"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const result = await joinLiveQuiz(code);
        if (result.ok) router.push(`/live/${encodeURIComponent(result.data.id)}`);
        else {
          setBusy(false);
          setError(result.error);
        }
      }}
    >
      <h1>Join a live quiz</h1>
      <div>
        <label htmlFor="join-code">Code from the host</label>
        <input
          id="join-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          placeholder="ABC123"
          autoComplete="off"
          autoCapitalize="characters"
          required
          style={{ fontSize: '1.6rem', letterSpacing: '0.15em', textTransform: 'uppercase' }}
        />
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="join">
        Join
      </button>
      <p className="error" role="alert">
        {error}
      </p>
    </form>
  );
}
