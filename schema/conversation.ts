import { encodeGlobalID, resolveArrayConnection } from '@pothos/plugin-relay';
import {
  type Citation,
  type Conversation,
  MESSAGE_ROLES,
  MESSAGE_STATUSES,
  type Message,
} from '../src/entities/conversation.ts';
import type { MessageStreamEvent } from '../src/events.ts';
import { loadVisible, visible, visibleOf } from './access.ts';
import { builder } from './builder.ts';
import { ChunkRef, DocumentRef, HighlightRef } from './document.ts';
import { RoomRef } from './room.ts';

export const MessageRoleEnum = builder.enumType('MessageRole', { values: MESSAGE_ROLES });
export const MessageStatusEnum = builder.enumType('MessageStatus', { values: MESSAGE_STATUSES });

export const ConversationRef = builder.objectRef<Conversation>('Conversation');
export const MessageRef = builder.objectRef<Message>('Message');

/** An answer's citation row, or a study guide's citation (stored with the guide, in the same shape). */
export type CitationView = Pick<Citation, 'index' | 'quote' | 'pageStart' | 'pageEnd' | 'documentTitle'> & {
  chunk?: { id: string } | null;
  document?: { id: string } | null;
  boxes?: Citation['boxes'];
  pageLabel?: Citation['pageLabel'];
  headingPath?: Citation['headingPath'];
};

export const CitationRef = builder.objectRef<CitationView>('Citation').implement({
  description: 'A `[n]` marker of an answer: the cited chunk, its pages and the quote checked to be in it',
  fields: (t) => ({
    index: t.exposeInt('index'),
    quote: t.exposeString('quote'),
    pageStart: t.exposeInt('pageStart'),
    pageEnd: t.exposeInt('pageEnd'),
    chunk: t.field({
      type: ChunkRef,
      nullable: true,
      description: 'Null once the document was deleted or replaced',
      resolve: (citation, _args, context) =>
        citation.chunk ? visible(context, 'Chunk', citation.chunk.id) : null,
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: (citation, _args, context) =>
        citation.document ? visible(context, 'Document', citation.document.id) : null,
    }),
    documentTitle: t.exposeString('documentTitle'),
    pageLabel: t.string({
      description: 'Printed page label of pageStart ("iv", "12"); the physical number when the file has none',
      resolve: (citation) => citation.pageLabel ?? String(citation.pageStart),
    }),
    headingPath: t.stringList({
      description: 'The section of the cited chunk, outermost heading first',
      resolve: (citation) => citation.headingPath ?? [],
    }),
    highlights: t.field({
      type: [HighlightRef],
      description:
        'PDF only: boxes of the quoted text on its pages (its lines, cut to its first and last characters)',
      resolve: (citation) => citation.boxes ?? [],
    }),
    boxes: t.field({
      type: 'JSON',
      nullable: true,
      deprecationReason: 'Use highlights (typed, the same boxes)',
      resolve: (citation) => citation.boxes ?? null,
    }),
  }),
});

builder.node(ConversationRef, {
  id: { resolve: (conversation) => conversation.id },
  loadMany: loadVisible('Conversation'),
  fields: (t) => ({
    title: t.exposeString('title'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    room: t.field({
      type: RoomRef,
      resolve: async (conversation, _args, context) =>
        (await context.loaders.roomById.load(conversation.room.id))!,
    }),
    messages: t.connection({
      type: MessageRef,
      description: 'Oldest first',
      resolve: async (conversation, args, context) =>
        resolveArrayConnection({ args }, await context.loaders.messagesByConversation.load(conversation.id)),
    }),
  }),
});

builder.node(MessageRef, {
  id: { resolve: (message) => message.id },
  loadMany: loadVisible('Message'),
  fields: (t) => ({
    role: t.field({ type: MessageRoleEnum, resolve: (message) => message.role }),
    content: t.exposeString('content'),
    status: t.field({ type: MessageStatusEnum, resolve: (message) => message.status }),
    error: t.exposeString('error', { nullable: true }),
    groundedness: t.exposeFloat('groundedness', {
      nullable: true,
      description: 'Share of answer sentences supported by their cited chunks (assistant messages)',
    }),
    engine: t.string({ nullable: true, resolve: (message) => message.metadata?.engine ?? null }),
    model: t.string({ nullable: true, resolve: (message) => message.metadata?.model ?? null }),
    metadata: t.field({ type: 'JSON', nullable: true, resolve: (message) => message.metadata ?? null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    citations: t.field({
      type: [CitationRef],
      description: 'A viewer gets none that cites a document made editor-only since',
      resolve: async (message, _args, context) => {
        const citations = await context.loaders.citationsByMessage.load(message.id);
        const readable = await Promise.all(
          citations.map((c) => !c.document || visible(context, 'Document', c.document.id)),
        );
        return citations.filter((_c, i) => readable[i]);
      },
    }),
  }),
});

builder.objectField(RoomRef, 'conversations', (t) =>
  t.connection({
    type: ConversationRef,
    description: "The viewer's own conversations in this room, newest first",
    resolve: async (room, args, context) =>
      resolveArrayConnection(
        { args },
        await visibleOf(context, room.id, await context.loaders.conversationsByRoomForViewer.load(room.id)),
      ),
  }),
);

export const MessageStreamEventRef = builder.objectRef<MessageStreamEvent>('MessageStreamEvent').implement({
  fields: (t) => ({
    messageId: t.id({ resolve: (event) => encodeGlobalID('Message', event.messageId) }),
    delta: t.exposeString('delta', { description: 'Text added since the previous event' }),
    content: t.exposeString('content', { description: 'The whole text so far' }),
    done: t.exposeBoolean('done'),
    reset: t.boolean({
      description: 'The text restarted (a repair round): show `content` instead of appending `delta`',
      resolve: (event) => event.reset ?? false,
    }),
    message: t.field({
      type: MessageRef,
      nullable: true,
      description:
        'The message as stored: on the first event and on the final one (with citations); null on deltas',
      resolve: (event, _args, context) =>
        event.withRecord ? context.loaders.messageById.load(event.messageId) : null,
    }),
  }),
});
