import { apiUrl } from '@/lib/config';
import { sessionToken } from '@/lib/session';

/**
 * The browser's GraphQL multipart request (operations, map, file) for `uploadDocument`, streamed
 * through to the API unchanged with the session's token added. The browser measures its upload
 * progress against this route; nothing is buffered here.
 */
export async function POST(request: Request) {
  const token = await sessionToken();
  if (!token) return graphQLError(401, 'Sign in again to upload', 'UNAUTHENTICATED');
  // The cookie is SameSite=Lax (not sent on cross-site POSTs); also refuse a foreign Origin outright.
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host'))
    return graphQLError(403, 'Uploads are accepted from this app only', 'FORBIDDEN');
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data'))
    return graphQLError(400, 'Expected a GraphQL multipart request', 'BAD_USER_INPUT');
  const length = request.headers.get('content-length');
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(length ? { 'content-length': length } : {}),
        authorization: `Bearer ${token}`,
      },
      body: request.body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
  } catch {
    return graphQLError(502, `Cannot reach the API at ${apiUrl()}`, 'API_UNREACHABLE');
  }
  return new Response(response.body, {
    status: response.status,
    headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
  });
}

function graphQLError(status: number, message: string, code: string) {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}
