/**
 * Where the API is, read at run time on the server (never baked into the build): API_URL for HTTP
 * (server components, server actions, route handlers) and API_WS_URL for the browser's WebSocket
 * (defaults to API_URL with ws:). The browser never sees API_URL: its HTTP traffic goes through this
 * app's own server, so the token stays in the httpOnly cookie.
 */
export function apiUrl(): string {
  return process.env.API_URL || 'http://localhost:4000/graphql';
}

export function apiWsUrl(): string {
  return process.env.API_WS_URL || apiUrl().replace(/^http/, 'ws');
}
