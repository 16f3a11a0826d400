import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinLiveQuizDocument } from '../generated/operations.ts';
import { type Actor, createUser, type GraphQLResponse, request, wsClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const guess = (i: number) => `ZZZ${String(i).padStart(3, '9')}`.replace(/[0125]/g, '7');

/** Finding 22: join codes cannot be guessed at socket speed. */
describe('joinLiveQuiz attempts are rate limited', () => {
  it('refuses a user’s guesses past the limit with RATE_LIMITED and a retry-after', async () => {
    const guesser: Actor = await createUser(server.url, 'Guesser');
    const results: GraphQLResponse<unknown>[] = [];
    // In parallel: the limit counts attempts as they arrive, not failures after the lookup.
    for (const result of await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        request(server.url, JoinLiveQuizDocument, { joinCode: guess(i) }, guesser.token),
      ),
    ))
      results.push(result);
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code);
    expect(codes.filter((code) => code === 'NOT_FOUND')).toHaveLength(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(20);
    const limited = results.find((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED')!;
    const retryAfter = limited.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited.errors![0]!.message).toMatch(/try again/i);
    // Another user is not affected.
    const other = await createUser(server.url, 'Other');
    const fresh = await request(server.url, JoinLiveQuizDocument, { joinCode: guess(99) }, other.token);
    expect(fresh.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('limits one socket however many identities it sends operations as', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, (_, i) => createUser(server.url, `Sock ${i}`)));
    const client = wsClient(server.wsUrl);
    const codes: unknown[] = [];
    try {
      for (let i = 0; i < 16; i++) {
        const user = users[i % users.length]!;
        const result = await new Promise<GraphQLResponse<unknown>>((resolve, reject) => {
          client.subscribe(
            {
              query: print(JoinLiveQuizDocument),
              variables: { joinCode: guess(i) },
              // GraphiQL's way: the token with each operation, not in the connection params.
              extensions: { headers: { authorization: `Bearer ${user.token}` } },
            },
            { next: resolve as never, error: reject, complete: () => undefined },
          );
        });
        codes.push(result.errors?.[0]?.extensions?.code);
      }
    } finally {
      await client.dispose();
    }
    // 4 users × 4 guesses stay under each user's limit, but not under the socket's.
    expect(codes.slice(0, 10).every((code) => code === 'NOT_FOUND')).toBe(true);
    expect(codes.slice(10).every((code) => code === 'RATE_LIMITED')).toBe(true);
  });
});
