import { apiUrl } from '@/lib/config';
import { sessionToken } from '@/lib/session';

/**
 * A document's original file for the in-app viewer (pdf.js fetches it here, same origin). The API's
 * `GET /documents/{id}/file` checks access with the session's bearer token, exactly as `node(id)` does.
 */
export async function GET(request: Request, { params }: RouteContext<'/files/[documentId]'>) {
  const token = await sessionToken();
  if (!token) return new Response('Sign in again to open this file', { status: 401 });
  const { documentId } = await params;
  const url = new URL(`/documents/${encodeURIComponent(decodeURIComponent(documentId))}/file`, apiUrl());
  let response: Response;
  try {
    response = await fetch(url, {
      cache: 'no-store',
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.headers.get('range') ? { range: request.headers.get('range')! } : {}),
      },
    });
  } catch {
    return new Response(`Cannot reach the API at ${apiUrl()}`, { status: 502 });
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of [
    'content-type',
    'content-length',
    'content-disposition',
    'content-range',
    'accept-ranges',
  ])
    if (response.headers.get(name)) headers.set(name, response.headers.get(name)!);
  return new Response(response.body, { status: response.status, headers });
}
