import { cookies, headers } from 'next/headers';

/** The API token lives in this httpOnly cookie; page scripts cannot read it. */
export const SESSION_COOKIE = 'studyroom_session';
const WEEK_SECONDS = 7 * 24 * 60 * 60; // the API's tokens last 7 days

export async function sessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

/** Called from server actions only (cookies can be set there and in route handlers). */
export async function startSession(token: string) {
  const forwarded = (await headers()).get('x-forwarded-proto');
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: WEEK_SECONDS,
    // Secure whenever the app is reached over https (directly or behind a TLS proxy).
    secure: forwarded === 'https' || process.env.SESSION_COOKIE_SECURE === 'true',
  });
}

export async function endSession() {
  (await cookies()).delete(SESSION_COOKIE);
}
