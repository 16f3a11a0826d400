import { sessionToken } from '@/lib/session';

/**
 * The token for the browser's WebSocket handshake (the API reads it from connection params). Same
 * origin only (the cookie is SameSite=Lax and this answers GET with no CORS headers), never cached.
 */
export async function GET() {
  const token = await sessionToken();
  if (!token) return Response.json({ error: 'Not signed in' }, { status: 401 });
  return Response.json({ token }, { headers: { 'cache-control': 'no-store' } });
}
