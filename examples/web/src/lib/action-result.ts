import { ApiError } from './api';

/**
 * What a server action returns to the client component that called it. Errors are data: a thrown
 * error's message is hidden by Next.js in production, and the API's messages are written for people.
 */
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string; code?: string };

export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    // redirect() and notFound() work by throwing; let Next.js handle them.
    throw error;
  }
}
