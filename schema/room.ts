import type { RoomMemberView } from '../loaders/rooms.ts';
import { type MEMBER_STATUSES, ROOM_ROLES, type Room, type RoomReembed } from '../src/entities/room.ts';
import { invitationsOf } from '../src/rooms/membership-service.ts';
import { inRoom, isViewer, loadVisible, mayListInvitations, mayReadRoomSettings } from './access.ts';
import { builder } from './builder.ts';
import { arrayConnection } from './connection.ts';
import { UserRef } from './user.ts';

export const RoomRoleEnum = builder.enumType('RoomRole', { values: ROOM_ROLES });

export const MemberStatusEnum = builder.enumType('MemberStatus', {
  values: {
    INVITED: { description: 'Invited by email, not accepted yet: no access to the room' },
    ACTIVE: { description: 'A member, with the access of their role' },
  } satisfies Record<(typeof MEMBER_STATUSES)[number], unknown>,
});

export const RoomMemberRef = builder.objectRef<RoomMemberView>('RoomMember').implement({
  description: 'A member of a room, or an invitation to become one (status INVITED)',
  fields: (t) => ({
    role: t.field({ type: RoomRoleEnum, resolve: (member) => member.role }),
    status: t.field({ type: MemberStatusEnum, resolve: (member) => member.status }),
    email: t.string({
      description: 'The invited address (for a member: their email)',
      resolve: async (member, _args, context) =>
        member.email ?? (member.user ? (await context.loaders.userById.load(member.user.id))!.email : ''),
    }),
    joinedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When they became a member; null while invited',
      resolve: (member) => (member.status === 'ACTIVE' ? (member.acceptedAt ?? member.createdAt) : null),
    }),
    invitedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Null for members who were not invited (the room’s creator)',
      resolve: (member) => (member.email ? member.createdAt : null),
    }),
    invitedBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (member, _args, context) =>
        member.invitedBy ? context.loaders.userById.load(member.invitedBy.id) : null,
    }),
    user: t.field({
      type: UserRef,
      nullable: true,
      description:
        'Null while invited: an invitation is made the same whether or not the email has an account',
      // A members list primes userById with each user's profile (loaders/rooms.ts): no query then.
      resolve: (member, _args, context) =>
        member.user ? context.loaders.userById.load(member.user.id) : null,
    }),
    room: t.field({
      type: RoomRef,
      resolve: async (member, _args, context) => (await context.loaders.roomById.load(member.room.id))!,
    }),
  }),
});

export const RoomSettingsRef = builder.objectRef<Room>('RoomSettings').implement({
  fields: (t) => ({
    newCardsPerDay: t.exposeInt('newCardsPerDay', {
      description: 'Flashcards: new cards a member starts per day (reviews of started cards are not capped)',
    }),
  }),
});

const ReembedProgressRef = builder.objectRef<RoomReembed>('ReembedProgress').implement({
  description:
    'A room moving to another embedder in the background; searches use the old vectors until done.',
  fields: (t) => ({
    targetEmbedder: t.exposeString('embedderId'),
    done: t.exposeInt('done', { description: 'Chunks embedded with the target embedder so far.' }),
    total: t.exposeInt('total'),
    progress: t.float({ resolve: (r) => (r.total > 0 ? Math.min(1, r.done / r.total) : 0) }),
    startedAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.startedAt) }),
  }),
});

export const RoomRef = builder.objectRef<Room>('Room');

builder.node(RoomRef, {
  // An invitee sees a room's id, name and description (to decide on the invitation); every other field
  // is for its active members, however the room was reached.
  authScopes: (room) => inRoom(room.id, 'VIEWER'),
  id: { resolve: (room) => room.id, skipTypeScopes: true },
  loadMany: loadVisible('Room'),
  fields: (t) => ({
    name: t.exposeString('name', { skipTypeScopes: true }),
    description: t.exposeString('description', { nullable: true, skipTypeScopes: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    embedder: t.exposeString('embedderId', {
      nullable: true,
      description: 'The embedder whose vectors the room is searched with, e.g. bge-small-en-v1.5-q8:384.',
    }),
    reembedding: t.field({
      type: ReembedProgressRef,
      nullable: true,
      resolve: (room) => room.reembed ?? null,
    }),
    viewerRole: t.field({
      type: RoomRoleEnum,
      nullable: true,
      skipTypeScopes: true,
      resolve: (room, _args, context) => context.loaders.viewerRole.load(room.id),
    }),
    settings: t.field({
      type: RoomSettingsRef,
      nullable: true,
      description: "The room's settings (owners; null for everyone else)",
      resolve: async (room, _args, context) =>
        (await mayReadRoomSettings(context, room.id)) ? context.loaders.roomById.load(room.id) : null,
    }),
    members: t.connection({
      type: RoomMemberRef,
      description: 'Active members in joining order; the owner also sees pending invitations',
      resolve: async (room, args, context) => {
        const members = await context.loaders.membersByRoom.load(room.id);
        const invitations = await mayListInvitations(context, room.id);
        return arrayConnection(
          args,
          members.filter((member) => invitations || member.status === 'ACTIVE'),
        );
      },
    }),
  }),
});

builder.objectField(UserRef, 'invitations', (t) =>
  t.field({
    type: [RoomMemberRef],
    description:
      'Pending invitations to rooms (`me { invitations { role room { id name } } }`); empty for anyone but the viewer',
    resolve: (user, _args, context) => (isViewer(context, user.id) ? invitationsOf(context.em, user.id) : []),
  }),
);
