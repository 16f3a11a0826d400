import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { Chunk, Document, type Highlight } from './document.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const MESSAGE_ROLES = ['USER', 'ASSISTANT'] as const;
export const MESSAGE_STATUSES = ['STREAMING', 'COMPLETE', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A persistent multi-turn chat in a room, private to the member who started it. */
export const Conversation = defineEntity({
  name: 'Conversation',
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    owner: () => p.manyToOne(User).deleteRule('cascade').index(),
    title: p.string().length(200),
  },
});
export type Conversation = InferEntity<typeof Conversation>;

export interface MessageMetadata {
  engine?: string;
  model?: string;
  standaloneQuery?: string;
  sourceCount?: number;
  droppedTurns?: number;
  truncatedSources?: number;
  invalidMarkers?: number[];
  repaired?: boolean;
  usage?: { promptTokens: number; completionTokens: number };
  [key: string]: unknown;
}

export const Message = defineEntity({
  name: 'Message',
  properties: {
    ...baseProperties(),
    conversation: () => p.manyToOne(Conversation).deleteRule('cascade').index(),
    role: p.enum(MESSAGE_ROLES),
    content: p.text().default(''),
    status: p.enum(MESSAGE_STATUSES).default('COMPLETE'),
    error: p.text().nullable(),
    /** Supported answer sentences / sentences, from the post-stream verification. */
    groundedness: p.float().nullable(),
    metadata: p.json<MessageMetadata>().nullable(),
  },
});
export type Message = InferEntity<typeof Message>;

export const Citation = defineEntity({
  name: 'Citation',
  properties: {
    ...baseProperties(),
    message: () => p.manyToOne(Message).deleteRule('cascade').index(),
    /** The n of the `[n]` marker in the answer. */
    index: p.integer(),
    chunk: () => p.manyToOne(Chunk).deleteRule('set null').nullable(),
    document: () => p.manyToOne(Document).deleteRule('set null').nullable(),
    documentTitle: p.string().length(300),
    pageStart: p.integer(),
    pageEnd: p.integer(),
    quote: p.text(),
    /** Printed label of pageStart, and the cited chunk's section. */
    pageLabel: p.string().length(40).nullable(),
    headingPath: p.json<string[]>().nullable(),
    /** PDF only: boxes of the quote's lines on the page, normalised (see Highlight). */
    boxes: p.json<Highlight[]>().nullable(),
  },
});
export type Citation = InferEntity<typeof Citation>;
