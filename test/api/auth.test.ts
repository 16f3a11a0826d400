import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeDocument, SignInDocument, SignUpDocument } from '../generated/operations.ts';
import { call, createUser, errorCode, request, uniqueEmail } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('sign up and sign in', () => {
  it('signs up, signs in with any email case, and answers me with the token', async () => {
    const email = uniqueEmail('ada');
    const { signUp } = await call(server.url, SignUpDocument, {
      input: { email, password: 'analytical engine', displayName: 'Ada' },
    });
    expect(signUp.user).toMatchObject({ email, displayName: 'Ada' });

    const { signIn } = await call(server.url, SignInDocument, {
      input: { email: email.toUpperCase(), password: 'analytical engine' },
    });
    expect(signIn.user.id).toBe(signUp.user.id);

    const { me } = await call(server.url, MeDocument, {}, signIn.token);
    expect(me).toMatchObject({ id: signUp.user.id, email, displayName: 'Ada' });
  });

  it('answers me with null for an anonymous caller and UNAUTHENTICATED for a bad token', async () => {
    expect((await call(server.url, MeDocument, {})).me).toBeNull();
    const forged = await request(server.url, MeDocument, {}, 'not-a-real-token');
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
  });

  it('refuses a second account for the same email', async () => {
    const user = await createUser(server.url);
    const again = await request(server.url, SignUpDocument, {
      input: { email: user.email, password: 'another password', displayName: 'Copy' },
    });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.extensions?.field).toBe('email');
  });

  it('validates input and names the field', async () => {
    const short = await request(server.url, SignUpDocument, {
      input: { email: uniqueEmail(), password: 'short', displayName: 'X' },
    });
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.message).toMatch(/password.*at least 8/);

    const badEmail = await request(server.url, SignUpDocument, {
      input: { email: 'not-an-email', password: 'long enough password', displayName: 'X' },
    });
    expect(errorCode(badEmail)).toBe('BAD_USER_INPUT');
    expect(badEmail.errors?.[0]?.message).toMatch(/email/);
  });

  it('gives the same error for an unknown email and a wrong password', async () => {
    const user = await createUser(server.url);
    const wrongPassword = await request(server.url, SignInDocument, {
      input: { email: user.email, password: 'wrong password' },
    });
    const unknownEmail = await request(server.url, SignInDocument, {
      input: { email: uniqueEmail('nobody'), password: 'wrong password' },
    });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors?.[0]?.message).toBe(unknownEmail.errors?.[0]?.message);
  });

  it('rate limits repeated failed sign-ins for one email, even with the right password afterwards', async () => {
    const user = await createUser(server.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await request(server.url, SignInDocument, {
        input: { email: user.email, password: 'nope nope' },
      });
      expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    }
    const limited = await request(server.url, SignInDocument, {
      input: { email: user.email, password: 'correct horse battery' },
    });
    expect(errorCode(limited)).toBe('RATE_LIMITED');

    // Another account is unaffected.
    const other = await createUser(server.url);
    const fine = await request(server.url, SignInDocument, {
      input: { email: other.email, password: 'correct horse battery' },
    });
    expect(fine.data?.signIn.user.id).toBe(other.id);
  });
});
