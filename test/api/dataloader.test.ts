import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomsWithMembersDocument } from '../generated/operations.ts';
import { type Actor, addMember, createRoom, createUser, request } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let helpers: Actor[];

beforeAll(async () => {
  server = await startTestServer();
  helpers = await Promise.all([createUser(server.url, 'Helper A'), createUser(server.url, 'Helper B')]);
});
afterAll(() => server.close());

async function ownerWithRooms(count: number) {
  const owner = await createUser(server.url, `Owner of ${count}`);
  for (let i = 0; i < count; i++) {
    const room = await createRoom(server.url, owner, `room ${i}`);
    for (const helper of helpers) await addMember(server.url, owner, room.id, helper, 'VIEWER');
  }
  return owner;
}

describe('DataLoader batching', () => {
  it('issues the same number of SQL statements for 5 rooms as for 50', async () => {
    const [few, many] = [await ownerWithRooms(5), await ownerWithRooms(50)];
    const counts: number[] = [];
    for (const [owner, rooms] of [
      [few, 5],
      [many, 50],
    ] as const) {
      const result = await request(server.url, RoomsWithMembersDocument, { first: 50 }, owner.token);
      expect(result.errors).toBeUndefined();
      const edges = result.data!.rooms.edges;
      expect(edges).toHaveLength(rooms);
      for (const edge of edges) {
        expect(edge.node.members.edges.map((member) => member.node.user!.displayName).sort()).toEqual([
          'Helper A',
          'Helper B',
          owner.displayName,
        ]);
      }
      counts.push(result.extensions?.sqlStatements as number);
    }
    console.log(
      `SQL statements for rooms(first: 50) with members: 5 rooms → ${counts[0]}, 50 rooms → ${counts[1]}`,
    );
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);

    // The same data through a server with batching off: the N+1 the loaders avoid.
    const unbatched = await startTestServer({
      DATALOADER_BATCHING: 'off',
      JWT_SECRET: server.services.config.JWT_SECRET,
    });
    try {
      const off: number[] = [];
      for (const owner of [few, many]) {
        const result = await request(unbatched.url, RoomsWithMembersDocument, { first: 50 }, owner.token);
        off.push(result.extensions?.sqlStatements as number);
      }
      console.log(`without batching: 5 rooms → ${off[0]}, 50 rooms → ${off[1]}`);
      expect(off[1]).toBeGreaterThan(off[0]! + 40);
    } finally {
      await unbatched.close();
    }
  }, 120_000);
});
