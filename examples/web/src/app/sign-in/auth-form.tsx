'use client';

import { useActionState, useState } from 'react';
import { type AuthFormState, authenticate } from '@/actions/auth';

const INITIAL: AuthFormState = { error: null, email: '', displayName: '' };

/** One form for both: signing up adds a display name. The server action sets the session cookie. */
export function AuthForm({ expired, next }: { expired: boolean; next: string }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [state, action, pending] = useActionState(authenticate, INITIAL);
  const signUp = mode === 'sign-up';
  return (
    <form action={action} className="stack">
      <h1>{signUp ? 'Create your account' : 'Sign in'}</h1>
      {expired ? <p className="muted">Your session ended; sign in again.</p> : null}
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="next" value={next} />
      {signUp ? (
        <div>
          <label htmlFor="displayName">Your name</label>
          <input
            id="displayName"
            name="displayName"
            required
            maxLength={100}
            defaultValue={state.displayName}
            autoComplete="name"
          />
        </div>
      ) : null}
      <div>
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          required
          defaultValue={state.email}
          autoComplete="email"
        />
      </div>
      <div>
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={signUp ? 8 : undefined}
          autoComplete={signUp ? 'new-password' : 'current-password'}
        />
      </div>
      <button type="submit" className="primary" disabled={pending} data-testid="auth-submit">
        {pending ? 'One moment…' : signUp ? 'Sign up' : 'Sign in'}
      </button>
      <p className="error" role="alert">
        {state.error}
      </p>
      <p className="muted small">
        {signUp ? 'Already have an account? ' : 'New here? '}
        <button
          type="button"
          className="link"
          data-testid="toggle-mode"
          onClick={() => setMode(signUp ? 'sign-in' : 'sign-up')}
        >
          {signUp ? 'Sign in' : 'Create an account'}
        </button>
      </p>
    </form>
  );
}
