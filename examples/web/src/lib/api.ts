import { redirect } from 'next/navigation';
import type { TypedDocumentString } from '@/gql/graphql';
import { apiUrl } from './config';
import { sessionToken } from './session';

/** A GraphQL error as the API gave it: its message is meant for a person, `code` for the program. */
export class ApiError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * One GraphQL operation from the server (server components, server actions, route handlers) with the
 * signed-in user's token as `Authorization: Bearer`; the first error becomes an ApiError.
 */
export async function apiRequest<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  options: { token?: string | null } = {},
): Promise<T> {
  const token = options.token === undefined ? await sessionToken() : options.token;
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      cache: 'no-store',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError(`Cannot reach the API at ${apiUrl()}; is it running?`, 'API_UNREACHABLE');
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<T>;
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`);
  return body.data;
}

/**
 * For server components: like apiRequest, but a missing or expired session goes to the sign-in page
 * instead of rendering an error.
 */
export async function loadForPage<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
  if (!(await sessionToken())) redirect('/sign-in');
  try {
    return await apiRequest(document, variables);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') redirect('/sign-in?expired=1');
    throw error;
  }
}
