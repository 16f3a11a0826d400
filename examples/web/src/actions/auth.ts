'use server';

import { redirect } from 'next/navigation';
import { ApiError, apiRequest } from '@/lib/api';
import { endSession, startSession } from '@/lib/session';
import { SignInMutation, SignUpMutation } from '@/operations/auth';

export interface AuthFormState {
  error: string | null;
  email: string;
  displayName: string;
}

/**
 * The sign-in / sign-up form's action: the API returns a token, which goes into the httpOnly session
 * cookie (never to page scripts), then the browser moves on to the rooms.
 */
export async function authenticate(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const mode = form.get('mode') === 'sign-up' ? 'sign-up' : 'sign-in';
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const displayName = String(form.get('displayName') ?? '').trim();
  const next = String(form.get('next') ?? '');
  try {
    const token =
      mode === 'sign-up'
        ? (await apiRequest(SignUpMutation, { input: { email, password, displayName } }, { token: null }))
            .signUp.token
        : (await apiRequest(SignInMutation, { input: { email, password } }, { token: null })).signIn.token;
    await startSession(token);
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message, email, displayName };
    throw error;
  }
  // Only same-app paths, so the form cannot be used to bounce a user to another site.
  redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/rooms');
}

export async function signOut() {
  await endSession();
  redirect('/sign-in');
}
