import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { RoomBudgets } from '../budgets/engine/budgets.ts';
import { baseProperties } from './base.ts';
import { User } from './user.ts';

export const ROOM_ROLES = ['OWNER', 'EDITOR', 'VIEWER'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export const Room = defineEntity({
  name: 'Room',
  properties: {
    ...baseProperties(),
    name: p.string().length(200),
    description: p.text().nullable(),
    /** The embedder whose vectors this room holds; a different one must re-embed, never mix. */
    embedderId: p.string().length(200).nullable(),
    /** Flashcards: new cards a member starts per day in this room (reviews of started cards are not capped). */
    newCardsPerDay: p.integer().default(20),
    /** Budgets its owner set (docs/school.md); the others follow the environment's defaults. */
    budgets: p.json<RoomBudgets>().nullable(),
    /**
     * Key of the room's live vectors in the vector store (null: the room id). A re-embed writes the new
     * vectors under a fresh key and switches this in one transaction, so search never sees a half-built index.
     */
    vectorKey: p.uuid().nullable(),
    /** A move to another embedder in progress (the background re-embed job's state). */
    reembed: p.json<RoomReembed>().nullable(),
  },
});

export interface RoomReembed {
  embedderId: string;
  vectorKey: string;
  done: number;
  total: number;
  startedAt: string;
}
export type Room = InferEntity<typeof Room>;

export const MEMBER_STATUSES = ['INVITED', 'ACTIVE'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * A membership, or an invitation to one (docs/security.md, "Invitations"). An invitation names an email,
 * never a user: it is made the same way whether or not the email has an account, and it is linked to a
 * user only when they, signed in with that email, accept it. Only ACTIVE members have access.
 */
export const RoomMember = defineEntity({
  name: 'RoomMember',
  uniques: [{ properties: ['room', 'user'] }, { properties: ['room', 'email'] }],
  checks: [
    {
      name: 'room_member_invited_or_active_check',
      expression: `(status = 'INVITED' and user_id is null and email is not null) or (status = 'ACTIVE' and user_id is not null)`,
    },
  ],
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    /** Null while INVITED. */
    user: () => p.manyToOne(User).deleteRule('cascade').nullable().index(),
    role: p.enum(ROOM_ROLES),
    status: p.enum(MEMBER_STATUSES).default('ACTIVE'),
    /** The (normalised) address an invitation was sent to; null for the creator and earlier members. */
    email: p.string().length(320).nullable().index(),
    invitedBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    /** When the invitation was accepted (null for members from before invitations: see createdAt). */
    acceptedAt: p.datetime().nullable(),
  },
});
export type RoomMember = InferEntity<typeof RoomMember>;
