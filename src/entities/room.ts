import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
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

export const RoomMember = defineEntity({
  name: 'RoomMember',
  uniques: [{ properties: ['room', 'user'] }],
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    role: p.enum(ROOM_ROLES),
  },
});
export type RoomMember = InferEntity<typeof RoomMember>;
