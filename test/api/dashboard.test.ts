/**
 * The dashboard query reads through cached SQL plans (src/db/read-rows.ts): a plan is built once per shape
 * and reused by every later request, so the access rules must hold on the second read as on the first and
 * follow the data as it changes (a document made editor-only, an invitation accepted).
 */

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AcceptRoomInvitationDocument,
  DashboardDocument,
  SetDocumentVisibilityDocument,
} from '../generated/operations.ts';
import { type Actor, addMember, call, createRoom, createUser, invite } from '../helpers/client.ts';
import { uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let classRoom: string;
let otherRoom: string;

async function upload(roomId: string, name: string, visibility: 'MEMBERS' | 'EDITORS') {
  const text = `# ${name}\n\nThe mitochondria release the chemical energy a cell needs from glucose.\n`;
  const result = await uploadFile(server.url, owner.token, roomId, new TextEncoder().encode(text), name, {
    title: name,
    visibility,
  });
  return (await waitForDocument(server.url, owner.token, result.body.data!.uploadDocument.id)).id;
}

async function dashboard(actor: Actor) {
  const { rooms } = await call(server.url, DashboardDocument, { first: 20 }, actor.token);
  return rooms.edges.map(({ node }) => ({
    id: node.id,
    viewerRole: node.viewerRole,
    members: node.members.edges.map((edge) => [edge.node.status, edge.node.user?.displayName ?? null]),
    documents: node.documents.edges.map((edge) => [edge.node.title, edge.node.visibility]),
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer] = await Promise.all([
    createUser(server.url, 'Dash Owner'),
    createUser(server.url, 'Dash Viewer'),
  ]);
  classRoom = (await createRoom(server.url, owner, 'Class')).id;
  otherRoom = (await createRoom(server.url, owner, 'Other')).id;
  await addMember(server.url, owner, classRoom, viewer, 'VIEWER');
  await invite(server.url, owner, classRoom, 'pending-student@example.com', 'VIEWER');
  await invite(server.url, owner, otherRoom, viewer.email, 'VIEWER');
  await upload(classRoom, 'notes.md', 'MEMBERS');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

it('shows a viewer ACTIVE rooms and members and MEMBERS documents only, on every read of a cached plan', async () => {
  const keyId = await upload(classRoom, 'answer-key.md', 'EDITORS');
  const expected = [
    {
      id: classRoom,
      viewerRole: 'VIEWER',
      members: [
        ['ACTIVE', 'Dash Owner'],
        ['ACTIVE', 'Dash Viewer'],
      ],
      documents: [['notes.md', 'MEMBERS']],
    },
  ];
  // The first read builds the plans, the second runs them as prepared statements.
  expect(await dashboard(viewer)).toEqual(expected);
  expect(await dashboard(viewer)).toEqual(expected);

  const ownerView = await dashboard(owner);
  expect(ownerView.map((room) => room.id)).toEqual([otherRoom, classRoom]);
  expect(ownerView[1]!.documents).toEqual([
    ['answer-key.md', 'EDITORS'],
    ['notes.md', 'MEMBERS'],
  ]);
  expect(ownerView[1]!.members).toEqual([
    ['ACTIVE', 'Dash Owner'],
    ['ACTIVE', 'Dash Viewer'],
    ['INVITED', null],
  ]);

  // The same plans answer with the data as it is now.
  await call(server.url, AcceptRoomInvitationDocument, { roomId: otherRoom }, viewer.token);
  await call(
    server.url,
    SetDocumentVisibilityDocument,
    { input: { documentId: keyId, visibility: 'MEMBERS' } },
    owner.token,
  );
  const after = await dashboard(viewer);
  expect(after.map((room) => room.id)).toEqual([otherRoom, classRoom]);
  expect(after[1]!.documents).toEqual([
    ['answer-key.md', 'MEMBERS'],
    ['notes.md', 'MEMBERS'],
  ]);
  expect(after[1]!.members).toEqual(expected[0]!.members);
});
