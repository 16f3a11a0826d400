import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeDocument, RoomMemberAddedDocument } from '../generated/operations.ts';
import { type Actor, addMember, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let outsider: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  [owner, outsider] = await Promise.all([
    createUser(server.url, 'Owner'),
    createUser(server.url, 'Outsider'),
  ]);
  roomId = (await createRoom(server.url, owner)).id;
});
afterAll(() => server.close());

/** Subscribes and collects events or the first error. */
function subscribe(token: string | undefined, roomIdToWatch: string) {
  const client = wsClient(server.wsUrl, token);
  const events: unknown[] = [];
  let resolveError: (error: unknown) => void = () => {};
  const error = new Promise<unknown>((resolve) => {
    resolveError = resolve;
  });
  const dispose = client.subscribe(
    { query: print(RoomMemberAddedDocument), variables: { roomId: roomIdToWatch } },
    {
      // A refused subscription arrives as a result carrying errors (graphql-ws sends it as `next`).
      next: (value) => (value.errors ? resolveError(value.errors) : events.push(value)),
      error: resolveError,
      complete: () => {},
    },
  );
  return { client, events, error, dispose };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GraphQL over WebSocket', () => {
  it('runs queries over the socket with the connection-params token', async () => {
    const client = wsClient(server.wsUrl, owner.token);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: print(MeDocument) }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(result).toMatchObject({
      data: { me: { id: owner.id, email: owner.email, displayName: 'Owner' } },
    });
    await client.dispose();
  });

  it('accepts the token in the operation’s extensions.headers, as GraphiQL sends it', async () => {
    const client = wsClient(server.wsUrl);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: print(MeDocument), extensions: { headers: { Authorization: `Bearer ${owner.token}` } } },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    expect(result).toMatchObject({ data: { me: { id: owner.id } } });
    const forged = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: print(MeDocument), extensions: { headers: { Authorization: 'Bearer forged' } } },
        { next: resolve, error: resolve, complete: () => {} },
      );
    });
    expect(JSON.stringify(forged)).toContain('UNAUTHENTICATED');
    await client.dispose();
  });

  it('pushes member additions to a subscribed member', async () => {
    const watcher = subscribe(owner.token, roomId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const newcomer = await createUser(server.url, 'Newcomer');
    await addMember(server.url, owner, roomId, newcomer, 'VIEWER');
    await waitFor(() => watcher.events.length === 1);
    expect(watcher.events[0]).toEqual({
      data: { roomMemberAdded: { role: 'VIEWER', user: { email: newcomer.email } } },
    });
    watcher.dispose();
    await watcher.client.dispose();
  });

  it.each([
    ['an outsider', 'NOT_FOUND'],
    ['an anonymous caller', 'UNAUTHENTICATED'],
  ])('refuses the subscription for %s with %s', async (name, code) => {
    const watcher = subscribe(name === 'an outsider' ? outsider.token : undefined, roomId);
    const errors = (await watcher.error) as Array<{ extensions?: { code?: string } }>;
    expect(errors[0]?.extensions?.code).toBe(code);
    await watcher.client.dispose();
  });

  it('closes the socket with 4403 for an invalid token, and the server carries on', async () => {
    const watcher = subscribe('forged-token', roomId);
    const closeEvent = (await watcher.error) as { code: number };
    expect(closeEvent.code).toBe(4403);
    await watcher.client.dispose();
    const healthy = await fetch(`${server.origin}/healthz`);
    expect(healthy.status).toBe(200);
  });
});
