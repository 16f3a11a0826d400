import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, addMember, createRoom, createUser } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Finding 24: any signed-in user read any user's email by global ID. A profile is now its owner's and
// their room-mates' only.

let server: TestServer;
let owner: Actor;
let member: Actor;
let stranger: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  [owner, member, stranger] = await Promise.all(
    ['Profile Owner', 'Profile Member', 'Profile Stranger'].map((name) => createUser(server.url, name)),
  );
  roomId = (await createRoom(server.url, owner!)).id;
  await addMember(server.url, owner!, roomId, member!, 'VIEWER');
});
afterAll(() => server.close());

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const profile = (id: string, token?: string) =>
  post('query($id: ID!) { node(id: $id) { ... on User { email displayName } } }', { id }, token);

describe('user profiles by ID', () => {
  it('are shown to the user and their room-mates', async () => {
    expect((await profile(owner.id, owner.token)).data?.node).toEqual({
      email: owner.email,
      displayName: 'Profile Owner',
    });
    expect((await profile(owner.id, member.token)).data?.node).toMatchObject({ email: owner.email });
    expect((await profile(member.id, owner.token)).data?.node).toMatchObject({ email: member.email });
  });

  it('are null to someone who shares no room, by node and nodes', async () => {
    const alone = await profile(owner.id, stranger.token);
    expect(alone.errors).toBeUndefined();
    expect(alone.data?.node).toBeNull();
    const many = await post(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [owner.id, member.id, stranger.id] },
      stranger.token,
    );
    expect(many.data?.nodes).toEqual([null, null, { id: stranger.id }]);
    expect((await profile(owner.id)).data?.node ?? null).toBeNull();
  });

  it('end with the shared room: after leaving, a former room-mate is null', async () => {
    const leaver = await createUser(server.url, 'Profile Leaver');
    await addMember(server.url, owner, roomId, leaver, 'VIEWER');
    expect((await profile(leaver.id, owner.token)).data?.node).toMatchObject({ email: leaver.email });
    const left = await post('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, leaver.token);
    expect(left.errors).toBeUndefined();
    expect((await profile(leaver.id, owner.token)).data?.node).toBeNull();
  });
});
