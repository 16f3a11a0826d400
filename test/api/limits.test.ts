import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await createUser(server.url)).token;
});
afterAll(() => server.close());

async function raw(query: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

describe('query limits', () => {
  it('refuses an over-deep query before executing it', async () => {
    // room → members → room → members … nests past the depth limit of 12.
    let selection = 'id';
    for (let level = 0; level < 8; level++)
      selection = `members { edges { node { room { ${selection} } } } }`;
    const result = await raw(`{ rooms(first: 1) { edges { node { ${selection} } } } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(result.errors?.map((error) => error.message).join('\n')).toMatch(/depth limit of 12/i);
  });

  it('accepts a reasonably deep query', async () => {
    const result = await raw(
      '{ rooms(first: 1) { edges { node { members { edges { node { room { id } } } } } } } }',
    );
    expect(result.errors).toBeUndefined();
  });

  it('refuses an over-aliased query', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await raw(`{ ${aliases} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a query with too many tokens', async () => {
    const fields = Array.from({ length: 3100 }, () => '__typename').join(' ');
    const result = await raw(`{ ${fields} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it('masks unexpected errors and keeps the contract codes on expected ones', async () => {
    const result = await raw('{ room(id: "not-a-global-id") { id } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
