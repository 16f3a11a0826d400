import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptRoomInvitationDocument,
  AddRoomMemberDocument,
  CancelRoomInvitationDocument,
  DeclineRoomInvitationDocument,
  InvitationRoomDocumentsDocument,
  LeaveRoomDocument,
  MyInvitationsDocument,
  NodeRoomDocument,
  RemoveRoomMemberDocument,
  RoomDocument,
  RoomsDocument,
  SignUpDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  invite,
  request,
  uniqueEmail,
} from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Owner');
});
afterAll(() => server.close());

/** Finding 9: addRoomMember is no email oracle, and adds nobody to a room unasked. */
describe('invitations', () => {
  it('answers byte for byte the same for an email with an account and one without', async () => {
    const roomId = (await createRoom(server.url, owner, 'Free prizes')).id;
    const known = await createUser(server.url, 'Known');
    const unknownEmail = uniqueEmail('nobody');
    const invite = (email: string) =>
      request(server.url, AddRoomMemberDocument, { input: { roomId, email, role: 'VIEWER' } }, owner.token);
    const [forKnown, forUnknown] = [await invite(known.email), await invite(unknownEmail)];
    expect(JSON.stringify(forKnown).replaceAll(known.email, '<email>')).toBe(
      JSON.stringify(forUnknown).replaceAll(unknownEmail, '<email>'),
    );
    expect(forKnown.errors).toBeUndefined();
  });

  it('grants no access before the invitee accepts', async () => {
    const roomId = (await createRoom(server.url, owner, 'Unasked')).id;
    const invitee = await createUser(server.url, 'Invitee');
    await request(
      server.url,
      AddRoomMemberDocument,
      { input: { roomId, email: invitee.email, role: 'EDITOR' } },
      owner.token,
    );
    const { data } = await request(server.url, RoomsDocument, { first: 100 }, invitee.token);
    expect(data?.rooms.edges.map((edge) => edge.node.id)).not.toContain(roomId);
    expect(errorCode(await request(server.url, RoomDocument, { id: roomId }, invitee.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      (await request(server.url, NodeRoomDocument, { id: roomId }, invitee.token)).data?.node,
    ).toBeNull();
  });

  it('shows the invitation in me.invitations; accepting makes an ACTIVE member with the invited role', async () => {
    const room = await createRoom(server.url, owner, 'Biology');
    const invitee = await createUser(server.url, 'Accepting');
    await invite(server.url, owner, room.id, invitee.email.toUpperCase(), 'EDITOR');
    const { me } = await call(server.url, MyInvitationsDocument, {}, invitee.token);
    expect(me!.invitations).toEqual([
      {
        role: 'EDITOR',
        status: 'INVITED',
        email: invitee.email,
        invitedBy: { displayName: 'Owner' },
        room: { id: room.id, name: 'Biology' },
      },
    ]);
    const { acceptRoomInvitation } = await call(
      server.url,
      AcceptRoomInvitationDocument,
      { roomId: room.id },
      invitee.token,
    );
    expect(acceptRoomInvitation).toMatchObject({
      role: 'EDITOR',
      status: 'ACTIVE',
      room: { id: room.id, viewerRole: 'EDITOR' },
    });
    expect(acceptRoomInvitation.joinedAt).toBeTruthy();
    expect((await call(server.url, RoomDocument, { id: room.id }, invitee.token)).room.viewerRole).toBe(
      'EDITOR',
    );
    expect((await call(server.url, MyInvitationsDocument, {}, invitee.token)).me!.invitations).toEqual([]);
    // Accepting twice: there is no invitation any more.
    expect(
      errorCode(await request(server.url, AcceptRoomInvitationDocument, { roomId: room.id }, invitee.token)),
    ).toBe('NOT_FOUND');
  });

  it('lets an invitee read the room’s id and name, nothing else', async () => {
    const room = await createRoom(server.url, owner, 'Peek');
    const invitee = await createUser(server.url, 'Peeker');
    await invite(server.url, owner, room.id, invitee.email, 'VIEWER');
    const result = await request(server.url, InvitationRoomDocumentsDocument, {}, invitee.token);
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.path).toEqual(['me', 'invitations', 0, 'room', 'documents']);
  });

  it('keeps an invitation for an email without an account until it signs up', async () => {
    const room = await createRoom(server.url, owner, 'Later');
    const email = uniqueEmail('later');
    const invited = await invite(server.url, owner, room.id, email, 'VIEWER');
    expect(invited).toMatchObject({ status: 'INVITED', email, user: null, joinedAt: null });
    const { signUp } = await call(server.url, SignUpDocument, {
      input: { email, password: 'correct horse battery', displayName: 'Later' },
    });
    const { me } = await call(server.url, MyInvitationsDocument, {}, signUp.token);
    expect(me!.invitations.map((invitation) => invitation.room.id)).toEqual([room.id]);
    await call(server.url, AcceptRoomInvitationDocument, { roomId: room.id }, signUp.token);
    expect((await call(server.url, RoomDocument, { id: room.id }, signUp.token)).room.viewerRole).toBe(
      'VIEWER',
    );
  });

  it('forgets a declined invitation; no access follows', async () => {
    const room = await createRoom(server.url, owner, 'Declined');
    const invitee = await createUser(server.url, 'Decliner');
    await invite(server.url, owner, room.id, invitee.email, 'VIEWER');
    const { declineRoomInvitation } = await call(
      server.url,
      DeclineRoomInvitationDocument,
      { roomId: room.id },
      invitee.token,
    );
    expect(declineRoomInvitation).toBe(room.id);
    expect((await call(server.url, MyInvitationsDocument, {}, invitee.token)).me!.invitations).toEqual([]);
    expect(
      errorCode(await request(server.url, AcceptRoomInvitationDocument, { roomId: room.id }, invitee.token)),
    ).toBe('NOT_FOUND');
    expect(errorCode(await request(server.url, RoomDocument, { id: room.id }, invitee.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('shows pending invitations to the owner only, who can withdraw them', async () => {
    const room = await createRoom(server.url, owner, 'Pending');
    const member = await createUser(server.url, 'Member');
    await addMember(server.url, owner, room.id, member, 'EDITOR');
    const email = uniqueEmail('pending');
    await invite(server.url, owner, room.id, email, 'VIEWER');
    const statuses = async (actor: Actor) =>
      (await call(server.url, RoomDocument, { id: room.id }, actor.token)).room.members.edges.map((edge) => [
        edge.node.email,
        edge.node.status,
      ]);
    expect(await statuses(owner)).toEqual([
      [owner.email, 'ACTIVE'],
      [member.email, 'ACTIVE'],
      [email, 'INVITED'],
    ]);
    expect(await statuses(member)).toEqual([
      [owner.email, 'ACTIVE'],
      [member.email, 'ACTIVE'],
    ]);
    const denied = await request(
      server.url,
      CancelRoomInvitationDocument,
      { input: { roomId: room.id, email } },
      member.token,
    );
    expect(errorCode(denied)).toBe('FORBIDDEN');
    await call(server.url, CancelRoomInvitationDocument, { input: { roomId: room.id, email } }, owner.token);
    expect((await statuses(owner)).map(([, status]) => status)).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('lets a member leave, and the owner remove one; the owner can do neither to themself', async () => {
    const room = await createRoom(server.url, owner, 'Leaving');
    const [leaver, removed, editor] = await Promise.all(
      ['Leaver', 'Removed', 'Editor'].map((name) => createUser(server.url, name)),
    );
    for (const [actor, role] of [
      [leaver, 'VIEWER'],
      [removed, 'VIEWER'],
      [editor, 'EDITOR'],
    ] as const)
      await addMember(server.url, owner, room.id, actor, role);

    expect((await call(server.url, LeaveRoomDocument, { roomId: room.id }, leaver.token)).leaveRoom).toBe(
      room.id,
    );
    expect(errorCode(await request(server.url, RoomDocument, { id: room.id }, leaver.token))).toBe(
      'NOT_FOUND',
    );
    const ownerLeaves = await request(server.url, LeaveRoomDocument, { roomId: room.id }, owner.token);
    expect(errorCode(ownerLeaves)).toBe('BAD_USER_INPUT');
    expect(ownerLeaves.errors?.[0]?.message).toMatch(/owner/i);

    const byEditor = await request(
      server.url,
      RemoveRoomMemberDocument,
      { input: { roomId: room.id, userId: removed.id } },
      editor.token,
    );
    expect(errorCode(byEditor)).toBe('FORBIDDEN');
    const { removeRoomMember } = await call(
      server.url,
      RemoveRoomMemberDocument,
      { input: { roomId: room.id, userId: removed.id } },
      owner.token,
    );
    expect(removeRoomMember.members.edges.map((edge) => edge.node.user?.id)).toEqual([owner.id, editor.id]);
    expect(errorCode(await request(server.url, RoomDocument, { id: room.id }, removed.token))).toBe(
      'NOT_FOUND',
    );
    const removeOwner = await request(
      server.url,
      RemoveRoomMemberDocument,
      { input: { roomId: room.id, userId: owner.id } },
      owner.token,
    );
    expect(errorCode(removeOwner)).toBe('BAD_USER_INPUT');
    const again = await request(
      server.url,
      RemoveRoomMemberDocument,
      { input: { roomId: room.id, userId: removed.id } },
      owner.token,
    );
    expect(errorCode(again)).toBe('NOT_FOUND');
  });
});

describe('invitations are rate limited', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ INVITATIONS_PER_HOUR: '5' });
  });
  afterAll(() => limited.close());

  it('sends at most INVITATIONS_PER_HOUR per inviter, even in parallel, then RATE_LIMITED with a retry-after', async () => {
    const inviter = await createUser(limited.url, 'Spammer');
    const rooms = await Promise.all([createRoom(limited.url, inviter), createRoom(limited.url, inviter)]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(
          limited.url,
          AddRoomMemberDocument,
          { input: { roomId: rooms[i % 2]!.id, email: uniqueEmail(`spam${i}`), role: 'VIEWER' } },
          inviter.token,
        ),
      ),
    );
    expect(results.filter((result) => result.data?.addRoomMember.status === 'INVITED')).toHaveLength(5);
    const refused = results.filter((result) => errorCode(result) === 'RATE_LIMITED');
    expect(refused).toHaveLength(7);
    const retryAfter = refused[0]!.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another owner has their own budget.
    const other = await createUser(limited.url, 'Other owner');
    const room = await createRoom(limited.url, other);
    await invite(limited.url, other, room.id, uniqueEmail('fine'), 'VIEWER');
  });
});
