import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddRoomMemberDocument,
  CreateRoomDocument,
  NodeRoomDocument,
  RoomDocument,
  RoomsDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
} from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let editor: Actor;
let viewer: Actor;
let outsider: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor, viewer, outsider] = await Promise.all(
    ['Owner', 'Editor', 'Viewer', 'Outsider'].map((name) => createUser(server.url, name)),
  );
  roomId = (await createRoom(server.url, owner, 'Biology 101')).id;
  await addMember(server.url, owner, roomId, editor, 'EDITOR');
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
});
afterAll(() => server.close());

describe('rooms', () => {
  it('creates a room owned by its creator, with members listed', async () => {
    const { room } = await call(server.url, RoomDocument, { id: roomId }, owner.token);
    expect(room).toMatchObject({ name: 'Biology 101', viewerRole: 'OWNER' });
    const members = room.members.edges.map((edge) => [edge.node.user!.displayName, edge.node.role]);
    expect(members).toEqual([
      ['Owner', 'OWNER'],
      ['Editor', 'EDITOR'],
      ['Viewer', 'VIEWER'],
    ]);
  });

  it('lists only the viewer’s rooms, newest first, page by page', async () => {
    const user = await createUser(server.url);
    const names = ['first', 'second', 'third'];
    for (const name of names) await createRoom(server.url, user, name);
    const page1 = await call(server.url, RoomsDocument, { first: 2 }, user.token);
    expect(page1.rooms.edges.map((edge) => edge.node.name)).toEqual(['third', 'second']);
    expect(page1.rooms.pageInfo.hasNextPage).toBe(true);
    const page2 = await call(
      server.url,
      RoomsDocument,
      { first: 2, after: page1.rooms.pageInfo.endCursor },
      user.token,
    );
    expect(page2.rooms.edges.map((edge) => edge.node.name)).toEqual(['first']);
    expect(page2.rooms.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a blank room name, naming the field', async () => {
    const result = await request(server.url, CreateRoomDocument, { input: { name: '   ' } }, owner.token);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/name/);
  });

  it('refuses inviting a second owner or someone already a member', async () => {
    const secondOwner = await request(
      server.url,
      AddRoomMemberDocument,
      { input: { roomId, email: outsider.email, role: 'OWNER' } },
      owner.token,
    );
    expect(errorCode(secondOwner)).toBe('BAD_USER_INPUT');
    const duplicate = await request(
      server.url,
      AddRoomMemberDocument,
      { input: { roomId, email: viewer.email, role: 'EDITOR' } },
      owner.token,
    );
    expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
  });
});

describe('authorization matrix', () => {
  const who = () => ({ owner, editor, viewer, outsider, anonymous: undefined as Actor | undefined });

  it.each([
    ['owner', 'OWNER'],
    ['editor', 'EDITOR'],
    ['viewer', 'VIEWER'],
    ['outsider', 'NOT_FOUND'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('room(id) as %s → %s', async (name, expected) => {
    const result = await request(server.url, RoomDocument, { id: roomId }, who()[name]?.token);
    if (['OWNER', 'EDITOR', 'VIEWER'].includes(expected)) expect(result.data?.room.viewerRole).toBe(expected);
    else expect(errorCode(result)).toBe(expected);
  });

  it.each([
    ['owner', 'ok'],
    ['editor', 'FORBIDDEN'],
    ['viewer', 'FORBIDDEN'],
    ['outsider', 'NOT_FOUND'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('addRoomMember as %s → %s', async (name, expected) => {
    const newcomer = await createUser(server.url, 'Newcomer');
    const result = await request(
      server.url,
      AddRoomMemberDocument,
      { input: { roomId, email: newcomer.email, role: 'VIEWER' } },
      who()[name]?.token,
    );
    if (expected === 'ok')
      expect(result.data?.addRoomMember).toMatchObject({
        status: 'INVITED',
        email: newcomer.email,
        user: null,
      });
    else expect(errorCode(result)).toBe(expected);
  });

  it.each([
    ['owner', true],
    ['editor', true],
    ['viewer', true],
    ['outsider', false],
    ['anonymous', false],
  ] as const)('node(id) as %s → visible: %s', async (name, visible) => {
    const result = await request(server.url, NodeRoomDocument, { id: roomId }, who()[name]?.token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.node?.id ?? null).toBe(visible ? roomId : null);
  });

  it('createRoom and rooms need a signed-in user', async () => {
    expect(errorCode(await request(server.url, CreateRoomDocument, { input: { name: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await request(server.url, RoomsDocument, { first: 5 }))).toBe('UNAUTHENTICATED');
  });

  it('an outsider never sees the room in their list', async () => {
    const { rooms } = await call(server.url, RoomsDocument, { first: 100 }, outsider.token);
    expect(rooms.edges.map((edge) => edge.node.id)).not.toContain(roomId);
  });

  it('a room id of another type is refused as bad input', async () => {
    const userAsRoom = await request(server.url, RoomDocument, { id: owner.id }, owner.token);
    expect(errorCode(userAsRoom)).toBe('BAD_USER_INPUT');
  });
});
