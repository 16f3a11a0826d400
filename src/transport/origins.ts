import type { Config } from '../config.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Which browser origins may call the API (docs/security.md, "Browsers"): the API's own, those in
 * CORS_ORIGINS, and, when that is unset outside production, any loopback origin (the example web app and
 * GraphiQL on another local port). A request without an Origin header is no browser's cross-origin call
 * and is not refused here (tokens authorize it).
 */
export function originPolicy(config: Pick<Config, 'CORS_ORIGINS' | 'NODE_ENV'>) {
  const listed = new Set(config.CORS_ORIGINS ?? []);
  const loopbackAllowed = config.CORS_ORIGINS === undefined && config.NODE_ENV !== 'production';
  return {
    /** `host`: the request's Host header, which names the API's own origin. */
    allows(origin: string | null | undefined, host: string | null | undefined): boolean {
      if (!origin) return true;
      if (listed.has('*') || listed.has(origin)) return true;
      const url = URL.canParse(origin) ? new URL(origin) : null;
      if (!url) return false;
      if (host && url.host === host.toLowerCase()) return true;
      return loopbackAllowed && LOOPBACK_HOSTS.has(url.hostname);
    },
  };
}

export type OriginPolicy = ReturnType<typeof originPolicy>;

/**
 * Yoga's CORS answer: allowed origins get their own origin back (never `*`, never another's), no
 * credentials (tokens travel in the Authorization header, not cookies); others get no CORS headers, so
 * the browser keeps the response from the page. Preflights are cached for 10 minutes.
 */
export function corsFor(policy: OriginPolicy) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !policy.allows(origin, request.headers.get('host'))) return false as const;
    return { origin, credentials: false, maxAge: 600 };
  };
}
