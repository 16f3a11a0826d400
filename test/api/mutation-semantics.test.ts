import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomsDocument } from '../generated/operations.ts';
import { type Actor, call, createUser, wsClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let user: Actor;

beforeAll(async () => {
  server = await startTestServer();
  user = await createUser(server.url, 'Aliases');
});
afterAll(() => server.close());

async function raw(query: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } }>;
  };
}

async function roomNames() {
  const { rooms } = await call(server.url, RoomsDocument, { first: 100 }, user.token);
  return rooms.edges.map((edge) => edge.node.name);
}

const createRoom = (alias: string, name: string) => `${alias}: createRoom(input: { name: "${name}" }) { id }`;

// Finding 10: mutations run one after another and the first failure stops the rest (graphql-js
// semantics), so an errors[].path names the field that failed, every field before it ran, and none after.
describe('aliased mutations where one fails', () => {
  it('runs nothing after a failing first field', async () => {
    const tag = randomUUID().slice(0, 8);
    const result = await raw(
      `mutation { ${createRoom('a', '')} ${createRoom('b', `b-${tag}`)} ${createRoom('c', `c-${tag}`)} }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['a'], 'BAD_USER_INPUT'],
    ]);
    expect((await roomNames()).filter((name) => name.endsWith(tag))).toEqual([]);
  });

  it('runs the fields before a failing one, in order, and none after it', async () => {
    const tag = randomUUID().slice(0, 8);
    const result = await raw(
      `mutation { ${createRoom('a', `a-${tag}`)} ${createRoom('b', '')} ${createRoom('c', `c-${tag}`)} }`,
    );
    expect(result.errors?.map((error) => error.path)).toEqual([['b']]);
    expect((await roomNames()).filter((name) => name.endsWith(tag))).toEqual([`a-${tag}`]);
  });

  it('runs every field of a mutation that does not fail, in document order', async () => {
    const tag = randomUUID().slice(0, 8);
    const result = await raw(
      `mutation { ${['a', 'b', 'c'].map((alias) => createRoom(alias, `${alias}-${tag}`)).join(' ')} }`,
    );
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toEqual(['a', 'b', 'c']);
    // Newest first: c was created last.
    expect((await roomNames()).filter((name) => name.endsWith(tag))).toEqual([
      `c-${tag}`,
      `b-${tag}`,
      `a-${tag}`,
    ]);
  });

  it('behaves the same over the WebSocket', async () => {
    const tag = randomUUID().slice(0, 8);
    const client = wsClient(server.wsUrl, user.token);
    try {
      const result = await new Promise<{ data?: unknown; errors?: Array<{ path?: string[] }> }>(
        (resolve, reject) => {
          client.subscribe(
            {
              query: `mutation { ${createRoom('a', `a-${tag}`)} ${createRoom('b', '')} ${createRoom('c', `c-${tag}`)} }`,
            },
            { next: resolve as never, error: reject, complete: () => undefined },
          );
        },
      );
      expect(result.errors?.map((error) => error.path)).toEqual([['b']]);
    } finally {
      await client.dispose();
    }
    expect((await roomNames()).filter((name) => name.endsWith(tag))).toEqual([`a-${tag}`]);
  });
});
