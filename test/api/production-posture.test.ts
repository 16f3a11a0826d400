import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Actor, createUser } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Findings 13 (metric labels), 14 (introspection and suggestions) and 15 (CORS, CSRF, WebSocket Origin)
// of the security review.

type Response = { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };

async function graphql(server: TestServer, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Response };
}

let dev: TestServer;
let user: Actor;
beforeAll(async () => {
  dev = await startTestServer({ CORS_ORIGINS: 'https://app.example.test' });
  user = await createUser(dev.url, 'Posture');
});
afterAll(() => dev.close());

describe('metric labels (finding 13)', () => {
  it('labels unknown operation names "other", so clients cannot add series', async () => {
    for (let i = 0; i < 40; i++) await graphql(dev, `query Probe_${randomUUID().slice(0, 8)} { __typename }`);
    await graphql(dev, 'query Rooms { rooms(first: 1) { edges { cursor } } }', {
      authorization: `Bearer ${user.token}`,
    });
    const metrics = await (await fetch(`${dev.origin}/metrics`)).text();
    expect(metrics).not.toMatch(/Probe_/);
    expect(metrics).toMatch(/graphql_operation_duration_seconds_count\{operation="other",type="query"\} 40/);
    expect(metrics).toMatch(/graphql_operation_duration_seconds_count\{operation="Rooms",type="query"\} 1/);
    // Every name seen is a known one: 14 series for each, not 14 per probe.
    const labels = new Set([...metrics.matchAll(/operation="([^"]+)"/g)].map((match) => match[1]));
    expect(labels).toEqual(new Set(['SignUp', 'other', 'Rooms']));
  });
});

describe('introspection and suggestions (finding 14)', () => {
  const introspection = '{ __schema { types { name } } }';

  it('are off in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const schema = await graphql(production, introspection);
      expect(schema.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(schema.body.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await graphql(production, '{ roomz { id } }');
      expect(typo.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean|"rooms?"/);
      expect((await graphql(production, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await production.close();
    }
  });

  it('are on in production with GRAPHQL_INTROSPECTION=true, and in development', async () => {
    const production = await startTestServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      for (const server of [production, dev]) {
        expect((await graphql(server, introspection)).body.errors).toBeUndefined();
        expect(JSON.stringify((await graphql(server, '{ roomz { id } }')).body)).toMatch(/Did you mean/);
      }
    } finally {
      await production.close();
    }
  });

  it('turns suggestions off in development too when introspection is off', async () => {
    const quiet = await startTestServer({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      expect((await graphql(quiet, introspection)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify((await graphql(quiet, 'mutation { deleteDocumen(id: "x") }')).body)).not.toMatch(
        /Did you mean/,
      );
    } finally {
      await quiet.close();
    }
  });
});

describe('browsers (finding 15)', () => {
  const preflight = (origin: string) =>
    fetch(dev.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers CORS only for allowed origins, never echoing another, without credentials', async () => {
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const app = await preflight('https://app.example.test');
    expect(app.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
    expect(app.headers.get('access-control-allow-credentials')).toBeNull();
    const evilPost = await graphql(dev, '{ __typename }', { origin: 'https://evil.example' });
    expect(evilPost.headers.get('access-control-allow-origin')).toBeNull();
    // CORS_ORIGINS replaces the development default of any loopback origin.
    const local = await preflight('http://localhost:3000');
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows loopback origins in development when CORS_ORIGINS is unset, and none in production', async () => {
    const local = await startTestServer();
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const allowed = await fetch(local.url, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const refused = await fetch(production.url, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000' },
      });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await Promise.all([local.close(), production.close()]);
    }
  });

  it('refuses POSTs a form could send (urlencoded, multipart, text/plain) without a token, executing nothing', async () => {
    const email = `csrf-${randomUUID()}@example.test`;
    const signUp = `mutation { signUp(input: {email: "${email}", password: "correct horse battery", displayName: "CSRF"}) { token } }`;
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: signUp }));
    form.append('map', '{}');
    const attempts: Array<{ body: BodyInit; headers: Record<string, string> }> = [
      { body: new URLSearchParams({ query: signUp }), headers: {} },
      { body: form, headers: {} },
      { body: JSON.stringify({ query: signUp }), headers: { 'content-type': 'text/plain' } },
    ];
    for (const attempt of attempts) {
      const response = await fetch(dev.url, {
        method: 'POST',
        ...attempt,
        headers: { ...attempt.headers, origin: 'https://evil.example' },
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      const body = (await response.json()) as Response;
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED|BAD_USER_INPUT/);
    }
    // None of them created the account: signing up with that email now succeeds.
    const later = await graphql(dev, signUp);
    expect(later.body.errors).toBeUndefined();
  });

  it('checks a WebSocket’s Origin against the same list', async () => {
    const open = (origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(dev.wsUrl, 'graphql-transport-ws', origin ? { origin } : {});
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('error', () => resolve(0));
      });
    expect(await open('https://evil.example')).toBe(403);
    expect(await open('https://app.example.test')).toBe(101);
    expect(await open()).toBe(101); // not a browser: the token decides
  });
});
