import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { RoomMemberView } from '../loaders/rooms.ts';
import { ROOM_ROLES, type Room, type RoomReembed } from '../src/entities/room.ts';
import { builder } from './builder.ts';
import { UserRef } from './user.ts';

export const RoomRoleEnum = builder.enumType('RoomRole', { values: ROOM_ROLES });

export const RoomMemberRef = builder.objectRef<RoomMemberView>('RoomMember').implement({
  fields: (t) => ({
    role: t.field({ type: RoomRoleEnum, resolve: (member) => member.role }),
    joinedAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.field({
      type: UserRef,
      resolve: async (member, _args, context) => (await context.loaders.userById.load(member.user.id))!,
    }),
    room: t.field({
      type: RoomRef,
      resolve: async (member, _args, context) => (await context.loaders.roomById.load(member.room.id))!,
    }),
  }),
});

export const RoomSettingsRef = builder.objectRef<{ newCardsPerDay: number }>('RoomSettings').implement({
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
  id: { resolve: (room) => room.id },
  // node(id) answers only for members; anyone else gets null, as for a missing room.
  loadMany: async (ids, context) => {
    const roles = await context.loaders.viewerRole.loadMany(ids);
    return Promise.all(
      ids.map((id, i) => (typeof roles[i] === 'string' ? context.loaders.roomById.load(id) : null)),
    );
  },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
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
      resolve: (room, _args, context) => context.loaders.viewerRole.load(room.id),
    }),
    settings: t.field({
      type: RoomSettingsRef,
      nullable: true,
      description: "The room's settings (owners; null for everyone else)",
      resolve: async (room, _args, context) =>
        (await context.loaders.viewerRole.load(room.id)) === 'OWNER'
          ? context.loaders.roomById.load(room.id)
          : null,
    }),
    members: t.connection({
      type: RoomMemberRef,
      resolve: async (room, args, context) =>
        resolveArrayConnection({ args }, await context.loaders.membersByRoom.load(room.id)),
    }),
  }),
});
