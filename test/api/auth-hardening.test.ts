import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type GraphQLResponse, uniqueEmail } from '../helpers/client.ts';
import { RawSocket } from '../helpers/raw-socket.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'correct horse battery';

/** A server that believes X-Forwarded-For from loopback (as behind nginx), so tests can be many clients. */
let server: TestServer;
/** A server that trusts no proxy: the header is the client's own claim and is ignored. */
let direct: TestServer;

beforeAll(async () => {
  [server, direct] = await Promise.all([
    startTestServer({ TRUST_PROXY: 'loopback', SIGNUP_LIMIT_PER_ADDRESS: '3' }),
    startTestServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), direct?.close()]);
});

let addressCounter = 0;
/** A fresh client address (TEST-NET-3), so each test's limits start empty. */
const newAddress = () => `203.0.113.${++addressCounter}`;

async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; from?: string } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { token user { id } } }';
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }';
const ME = '{ me { id } }';
const code = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';

/** createUser from a fresh address: `server` allows 3 sign-ups per address. */
async function newUser(url = server.url): Promise<Actor> {
  const email = uniqueEmail();
  const result = await gql<{ signUp: { token: string; user: { id: string } } }>(
    url,
    SIGN_UP,
    { i: { email, password: PASSWORD, displayName: 'Test User' } },
    { from: newAddress() },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { token: result.data.signUp.token, id: result.data.signUp.user.id, email, displayName: 'Test User' };
}

function signIn(url: string, email: string, password: string, from?: string) {
  return gql<{ signIn: { token: string } }>(url, SIGN_IN, { i: { email, password } }, { from });
}

describe('the sign-in limit', () => {
  it('counts attempts, not finished failures: 20 parallel guesses get 5 tries and no token', async () => {
    const user = await newUser();
    const from = newAddress();
    const guesses = Array.from({ length: 20 }, (_, i) =>
      signIn(server.url, user.email, i === 19 ? PASSWORD : `wrong guess ${i}`, from),
    );
    const codes = (await Promise.all(guesses)).map(code);
    expect(codes.filter((c) => c !== 'RATE_LIMITED').length).toBeLessThanOrEqual(5);
    // The right password is refused too once the tries are spent.
    expect(code(await signIn(server.url, user.email, PASSWORD, from))).toBe('RATE_LIMITED');
  });

  it('twenty parallel wrong guesses after the limit are all refused without a token', async () => {
    const user = await newUser();
    const from = newAddress();
    for (let i = 0; i < 5; i++) await signIn(server.url, user.email, `wrong ${i}`, from);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => signIn(server.url, user.email, PASSWORD, from)),
    );
    expect(results.map(code)).toEqual(Array(20).fill('RATE_LIMITED'));
    expect(results.some((result) => result.data?.signIn?.token)).toBe(false);
  });

  it('does not let a stranger lock the owner out from another address', async () => {
    const owner = await newUser();
    const stranger = newAddress();
    for (let i = 0; i < 6; i++) await signIn(server.url, owner.email, `guess ${i}`, stranger);
    expect(code(await signIn(server.url, owner.email, PASSWORD, stranger))).toBe('RATE_LIMITED');
    const mine = await signIn(server.url, owner.email, PASSWORD, newAddress());
    expect(code(mine)).toBe('OK');
  });

  it('locks an email guessed from many addresses, except for a correct password from an address it signed in from', async () => {
    const owner = await newUser();
    const home = newAddress();
    expect(code(await signIn(server.url, owner.email, PASSWORD, home))).toBe('OK');
    // A botnet: 30 addresses, one guess each.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(server.url, owner.email, `botnet ${i}`, newAddress())),
    );
    const elsewhere = await signIn(server.url, owner.email, PASSWORD, newAddress());
    expect(code(elsewhere)).toBe('RATE_LIMITED');
    expect(elsewhere.errors?.[0]?.message).toMatch(/try again/i);
    expect(code(await signIn(server.url, owner.email, PASSWORD, home))).toBe('OK');
  });

  it('limits one address guessing many emails', async () => {
    const from = newAddress();
    const codes: string[] = [];
    for (let i = 0; i < 60; i++) codes.push(String(code(await signIn(server.url, uniqueEmail(), 'x', from))));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const user = await newUser(direct.url);
    for (let i = 0; i < 5; i++) await signIn(direct.url, user.email, `wrong ${i}`, newAddress());
    // Claiming yet another address does not buy more guesses.
    expect(code(await signIn(direct.url, user.email, PASSWORD, newAddress()))).toBe('RATE_LIMITED');
  });
});

describe('sign-in and sign-up cost', () => {
  it('allows one signIn or signUp per operation, refused before any runs', async () => {
    const user = await newUser();
    const twoSignIns = await gql(
      server.url,
      `mutation { a: signIn(input: {email: "${user.email}", password: "x"}) { token }
                  b: signIn(input: {email: "${user.email}", password: "y"}) { token } }`,
      {},
      { from: newAddress() },
    );
    expect(code(twoSignIns)).toBe('BAD_USER_INPUT');
    expect(twoSignIns.errors?.[0]?.message).toMatch(/one signIn or signUp/);
    expect(twoSignIns.data).toBeUndefined();

    const emails = [uniqueEmail(), uniqueEmail()];
    const twoSignUps = await gql(
      server.url,
      `mutation { a: signUp(input: {email: "${emails[0]}", password: "${PASSWORD}", displayName: "A"}) { token }
                  b: signUp(input: {email: "${emails[1]}", password: "${PASSWORD}", displayName: "B"}) { token } }`,
      {},
      { from: newAddress() },
    );
    expect(code(twoSignUps)).toBe('BAD_USER_INPUT');
    // Neither account exists: signing up with the email again works.
    const again = await gql(SIGN_UP_URL(), SIGN_UP, {
      i: { email: emails[0], password: PASSWORD, displayName: 'A' },
    });
    expect(code(again)).toBe('OK');
  });

  it('rate limits sign-ups per client address', async () => {
    const from = newAddress();
    const signUp = () =>
      gql(
        server.url,
        SIGN_UP,
        { i: { email: uniqueEmail(), password: PASSWORD, displayName: 'S' } },
        { from },
      );
    for (let i = 0; i < 3; i++) expect(code(await signUp())).toBe('OK');
    const limited = await signUp();
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/sign-ups/);
    // Another address is unaffected.
    const other = await gql(
      server.url,
      SIGN_UP,
      { i: { email: uniqueEmail(), password: PASSWORD, displayName: 'T' } },
      { from: newAddress() },
    );
    expect(code(other)).toBe('OK');
  });
});

/** signUp on the server without a sign-up limit in play (its own address each time). */
const SIGN_UP_URL = () => direct.url;

describe('password policy', () => {
  it.each([
    'password',
    '12345678',
    'aaaaaaaa',
    'qwertyuiop',
    'P@ssw0rd1',
  ])('refuses the common password %j and says why', async (password) => {
    const result = await gql(direct.url, SIGN_UP, {
      i: { email: uniqueEmail(), password, displayName: 'Weak' },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/^password: .*(common|guess|repeated|pattern)/i);
    expect(result.errors?.[0]?.extensions?.field).toBe('password');
  });

  it('refuses a password made of the email', async () => {
    const email = uniqueEmail('grace');
    const result = await gql(direct.url, SIGN_UP, { i: { email, password: email, displayName: 'Grace' } });
    expect(code(result)).toBe('BAD_USER_INPUT');
  });
});

/** The UUID inside a global ID, as a token's `sub` carries it. */
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

describe('tokens', () => {
  const secret = () => new TextEncoder().encode(server.services.config.JWT_SECRET);
  const forge = (claims: { sub: string; exp?: number }) => {
    const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub);
    jwt.setIssuer('study-room-api').setIssuedAt();
    if (claims.exp) jwt.setExpirationTime(claims.exp);
    return jwt.sign(secret());
  };

  it('refuses a correctly signed token without exp', async () => {
    const user = await newUser();
    const token = await forge({ sub: rawId(user.id) });
    expect(code(await gql(server.url, ME, {}, { token }))).toBe('UNAUTHENTICATED');
    // The same token with an exp is good: exp is what was missing.
    const withExp = await forge({ sub: rawId(user.id), exp: Math.floor(Date.now() / 1000) + 600 });
    expect((await gql(server.url, ME, {}, { token: withExp })).data).toEqual({ me: { id: user.id } });
  });

  it('answers UNAUTHENTICATED over HTTP and closes the socket (4403) for a token of a user that does not exist', async () => {
    const token = await forge({ sub: randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 });
    expect(code(await gql(server.url, ME, {}, { token }))).toBe('UNAUTHENTICATED');
    const createRoom = await gql(
      server.url,
      'mutation { createRoom(input: {name: "x"}) { id } }',
      {},
      { token },
    );
    expect(code(createRoom)).toBe('UNAUTHENTICATED');
    const socket = await RawSocket.open(server.wsUrl, { init: false });
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect((await socket.closed).code).toBe(4403);
  });

  it('closes a WebSocket with 4403 when its token expires', async () => {
    const user = await newUser();
    const token = await forge({ sub: rawId(user.id), exp: Math.floor(Date.now() / 1000) + 2 });
    const socket = await RawSocket.open(server.wsUrl, { token });
    socket.subscribe('me', ME);
    await socket.waitFor((message) => message.id === 'me' && message.type === 'next');
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/expired/i);
  }, 10_000);

  it('signOut revokes every earlier token, over HTTP and on open sockets', async () => {
    const user = await newUser();
    const other = await signIn(server.url, user.email, PASSWORD, newAddress());
    const socket = await RawSocket.open(server.wsUrl, { token: other.data!.signIn.token });
    const signOut = await gql(server.url, 'mutation { signOut }', {}, { token: user.token });
    expect(signOut.data).toEqual({ signOut: true });
    expect(code(await gql(server.url, ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(code(await gql(server.url, ME, {}, { token: other.data!.signIn.token }))).toBe('UNAUTHENTICATED');
    expect((await socket.closed).code).toBe(4403);
    // Signing in again works.
    expect(code(await signIn(server.url, user.email, PASSWORD, newAddress()))).toBe('OK');
  });

  it('changePassword checks the current password, returns a new token and revokes the old ones', async () => {
    const user: Actor = await newUser();
    const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token user { id } } }';
    const wrong = await gql(
      server.url,
      CHANGE,
      { i: { currentPassword: 'not it', newPassword: 'a whole new passphrase' } },
      { token: user.token, from: newAddress() },
    );
    expect(code(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.field).toBe('currentPassword');
    const weak = await gql(
      server.url,
      CHANGE,
      { i: { currentPassword: PASSWORD, newPassword: 'password' } },
      { token: user.token, from: newAddress() },
    );
    expect(code(weak)).toBe('BAD_USER_INPUT');
    const changed = await gql<{ changePassword: { token: string } }>(
      server.url,
      CHANGE,
      { i: { currentPassword: PASSWORD, newPassword: 'a whole new passphrase' } },
      { token: user.token, from: newAddress() },
    );
    expect(code(changed)).toBe('OK');
    expect(code(await gql(server.url, ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    const me = await gql(server.url, ME, {}, { token: changed.data!.changePassword.token });
    expect(me.data).toEqual({ me: { id: user.id } });
    expect(code(await signIn(server.url, user.email, 'a whole new passphrase', newAddress()))).toBe('OK');
    expect(code(await signIn(server.url, user.email, PASSWORD, newAddress()))).toBe('UNAUTHENTICATED');
  });
});
