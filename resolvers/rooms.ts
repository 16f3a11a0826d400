import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { authorize } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { offsetConnection } from '../schema/connection.ts';
import { RoomMemberRef, RoomRef, RoomRoleEnum } from '../schema/room.ts';
import { UserRef } from '../schema/user.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import { BUDGET_NAMES, BUDGETS, type BudgetName } from '../src/budgets/engine/budgets.ts';
import { liveSubscription } from '../src/pubsub.ts';
import {
  acceptInvitation,
  cancelInvitation,
  declineInvitation,
  inviteToRoom,
  leaveRoom,
  removeRoomMember,
} from '../src/rooms/membership-service.ts';
import { createRoom, listRoomsOf, updateRoomSettings } from '../src/rooms/room-service.ts';

const CreateRoomInput = builder.inputType('CreateRoomInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      validate: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    }),
    description: t.string({ validate: z.string().max(5000, 'must be at most 5000 characters').nullish() }),
  }),
});

const AddRoomMemberInput = builder.inputType('AddRoomMemberInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    email: t.string({ required: true, validate: z.email('must be a valid email address').max(320) }),
    role: t.field({ type: RoomRoleEnum, required: true }),
  }),
});

const RemoveRoomMemberInput = builder.inputType('RemoveRoomMemberInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    userId: t.globalID({ required: true, for: UserRef }),
  }),
});

const CancelRoomInvitationInput = builder.inputType('CancelRoomInvitationInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    email: t.string({ required: true, validate: z.string().max(320) }),
  }),
});

const UpdateRoomSettingsInput = builder.inputType('UpdateRoomSettingsInput', {
  fields: (t) => {
    // Omitted: unchanged; null: back to the server's default; 0: nothing allowed.
    const budget = (name: BudgetName) =>
      t.field({
        type: 'SafeInt',
        description: `${BUDGETS[name].description}. Null: back to the server's default`,
        validate: z.number().int().min(0, 'must be at least 0').nullish(),
      });
    return {
      roomId: t.globalID({ required: true, for: RoomRef }),
      newCardsPerDay: t.int({
        validate: z.number().int().min(0, 'must be at least 0').max(1000, 'must be at most 1000').nullish(),
      }),
      ...(Object.fromEntries(BUDGET_NAMES.map((name) => [name, budget(name)])) as Record<
        BudgetName,
        ReturnType<typeof budget>
      >),
    };
  },
});

builder.queryFields((t) => ({
  rooms: t.connection({
    type: RoomRef,
    description: "The viewer's rooms, newest first",
    authScopes: authorize('rooms'),
    resolve: (_root, args, context) =>
      offsetConnection({ args, defaultSize: 20, maxSize: 100 }, async (page) => {
        const rooms = await listRoomsOf(context.em, context.viewer!.id, page);
        // The page already says the viewer's role: `viewerRole` and room scopes need no query of their own.
        for (const { room, role } of rooms) context.loaders.viewerRole.prime(room.id, role);
        return rooms.map(({ room }) => room);
      }),
  }),
  room: t.field({
    type: RoomRef,
    args: { id: t.arg.globalID({ required: true, for: RoomRef }) },
    authScopes: authorize('room'),
    resolve: async (_root, args, context) => (await context.loaders.roomById.load(args.id.id))!,
  }),
}));

builder.mutationFields((t) => ({
  createRoom: t.field({
    type: RoomRef,
    args: { input: t.arg({ type: CreateRoomInput, required: true }) },
    authScopes: authorize('createRoom'),
    resolve: async (_root, { input }, context) => {
      const room = await createRoom(context.em, context.viewer!.id, input);
      await recordAudit(context, {
        roomId: room.id,
        action: 'ROOM_CREATED',
        subject: { type: 'Room', id: room.id },
      });
      return room;
    },
  }),
  addRoomMember: t.field({
    type: RoomMemberRef,
    description:
      'Owner: invites an email (status INVITED). The answer is the same whether or not the email has an account; the invitee gets access once they accept',
    args: { input: t.arg({ type: AddRoomMemberInput, required: true }) },
    authScopes: authorize('addRoomMember'),
    resolve: async (_root, { input }, context) => {
      const member = await inviteToRoom(
        context.em,
        context.viewer!.id,
        { roomId: input.roomId.id, email: input.email, role: input.role },
        { perHour: context.services.config.INVITATIONS_PER_HOUR },
      );
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'MEMBER_INVITED',
        subject: { type: 'RoomMember', id: member.id },
        detail: { email: member.email, role: member.role },
      });
      return member;
    },
  }),
  acceptRoomInvitation: t.field({
    type: RoomMemberRef,
    description: 'The viewer accepts their invitation to the room and becomes an ACTIVE member',
    args: { roomId: t.arg.globalID({ required: true, for: RoomRef }) },
    authScopes: authorize('acceptRoomInvitation'),
    resolve: async (_root, args, context) => {
      const member = await acceptInvitation(context.em, context.viewer!.id, args.roomId.id);
      await recordAudit(context, {
        roomId: args.roomId.id,
        action: 'INVITATION_ACCEPTED',
        subject: { type: 'RoomMember', id: member.id },
        detail: { role: member.role },
      });
      context.loaders.viewerRole.clear(args.roomId.id);
      context.services.pubsub.publish('room:member-added', args.roomId.id, {
        roomId: args.roomId.id,
        memberId: member.id,
      });
      return member;
    },
  }),
  declineRoomInvitation: t.field({
    type: 'ID',
    description: "The viewer declines their invitation; returns the room's id",
    args: { roomId: t.arg.globalID({ required: true, for: RoomRef }) },
    authScopes: authorize('declineRoomInvitation'),
    resolve: async (_root, args, context) => {
      await declineInvitation(context.em, context.viewer!.id, args.roomId.id);
      await recordAudit(context, {
        roomId: args.roomId.id,
        action: 'INVITATION_DECLINED',
        subject: { type: 'User', id: context.viewer!.id },
      });
      return encodeGlobalID('Room', args.roomId.id);
    },
  }),
  leaveRoom: t.field({
    type: 'ID',
    description: "The viewer stops being a member (the owner cannot); returns the room's id",
    args: { roomId: t.arg.globalID({ required: true, for: RoomRef }) },
    authScopes: authorize('leaveRoom'),
    resolve: async (_root, args, context) => {
      await leaveRoom(context.em, context.viewer!.id, args.roomId.id);
      await recordAudit(context, {
        roomId: args.roomId.id,
        action: 'MEMBER_LEFT',
        subject: { type: 'User', id: context.viewer!.id },
      });
      return encodeGlobalID('Room', args.roomId.id);
    },
  }),
  removeRoomMember: t.field({
    type: RoomRef,
    description: 'Owner: removes a member (not the owner); returns the room',
    args: { input: t.arg({ type: RemoveRoomMemberInput, required: true }) },
    authScopes: authorize('removeRoomMember'),
    resolve: async (_root, { input }, context) => {
      await removeRoomMember(context.em, input.roomId.id, input.userId.id);
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'MEMBER_REMOVED',
        subject: { type: 'User', id: input.userId.id },
      });
      return (await context.loaders.roomById.load(input.roomId.id))!;
    },
  }),
  cancelRoomInvitation: t.field({
    type: RoomRef,
    description: 'Owner: withdraws a pending invitation; returns the room',
    args: { input: t.arg({ type: CancelRoomInvitationInput, required: true }) },
    authScopes: authorize('cancelRoomInvitation'),
    resolve: async (_root, { input }, context) => {
      await cancelInvitation(context.em, input.roomId.id, input.email);
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'INVITATION_CANCELLED',
        subject: { type: 'Room', id: input.roomId.id },
        detail: { email: input.email },
      });
      return (await context.loaders.roomById.load(input.roomId.id))!;
    },
  }),
  updateRoomSettings: t.field({
    type: RoomRef,
    args: { input: t.arg({ type: UpdateRoomSettingsInput, required: true }) },
    authScopes: authorize('updateRoomSettings'),
    resolve: async (_root, { input }, context) => {
      const { roomId, ...changes } = input;
      const room = await updateRoomSettings(context.em, roomId.id, {
        newCardsPerDay: input.newCardsPerDay,
        budgets: Object.fromEntries(BUDGET_NAMES.map((name) => [name, input[name]])),
      });
      // The fields the owner sent, as sent (null: back to the default).
      const detail = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      await recordAudit(context, {
        roomId: roomId.id,
        action: 'SETTINGS_CHANGED',
        subject: { type: 'Room', id: roomId.id },
        detail,
      });
      return room;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  roomMemberAdded: t.field({
    type: RoomMemberRef,
    description: 'Members joining a room (an invitation accepted), live (members only)',
    args: { roomId: t.arg.globalID({ required: true, for: RoomRef }) },
    authScopes: authorize('roomMemberAdded'),
    subscribe: (_root, args, context) => liveSubscription(context, 'room:member-added', args.roomId.id),
    resolve: async (event: { memberId: string }, _args, context) =>
      (await context.refresh().loaders.roomMemberById.load(event.memberId))!,
  }),
}));
