import { afterAll, beforeAll, expect, it } from 'vitest';
import { RoomMemberDatesDocument } from '../generated/operations.ts';
import { type Actor, addMember, createRoom, createUser, request } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Dates Owner');
});
afterAll(() => server.close());

// The members list is read as plain rows (no entity hydration): its timestamps must still serialise.
it('gives members their joinedAt and their users their createdAt as ISO date-times', async () => {
  const room = await createRoom(server.url, owner);
  await addMember(server.url, owner, room.id, await createUser(server.url, 'Dates Member'), 'VIEWER');
  const result = await request(server.url, RoomMemberDatesDocument, { id: room.id }, owner.token);
  expect(result.errors).toBeUndefined();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  const members = result.data!.room.members.edges.map((edge) => edge.node);
  expect(members).toHaveLength(2);
  for (const member of members) {
    expect(member.joinedAt).toMatch(iso);
    expect(member.user!.createdAt).toMatch(iso);
  }
  expect(Date.parse(members[0]!.joinedAt!)).toBeLessThanOrEqual(Date.parse(members[1]!.joinedAt!));
});
