import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { authorize, readsEditorsOnly } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { ConversationRef, MessageRef, MessageStreamEventRef } from '../schema/conversation.ts';
import { RoomRef } from '../schema/room.ts';
import {
  askQuestion,
  deleteConversation,
  messageSnapshot,
  startConversation,
} from '../src/conversations/conversation-service.ts';
import { liveSubscription } from '../src/pubsub.ts';
import { deltasPerSubscriber } from '../src/stream-deltas.ts';

const StartConversationInput = builder.inputType('StartConversationInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    title: t.string({ validate: z.string().max(200, 'must be at most 200 characters').nullish() }),
  }),
});

const AskQuestionInput = builder.inputType('AskQuestionInput', {
  fields: (t) => ({
    conversationId: t.globalID({ required: true, for: ConversationRef }),
    question: t.string({
      required: true,
      validate: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
    }),
  }),
});

builder.mutationFields((t) => ({
  startConversation: t.field({
    type: ConversationRef,
    args: { input: t.arg({ type: StartConversationInput, required: true }) },
    authScopes: authorize('startConversation'),
    resolve: (_root, { input }, context) =>
      startConversation(context.em, context.viewer!.id, { roomId: input.roomId.id, title: input.title }),
  }),
  askQuestion: t.field({
    type: MessageRef,
    description:
      'Stores the question, starts the answer in the background and returns the STREAMING assistant message',
    args: { input: t.arg({ type: AskQuestionInput, required: true }) },
    authScopes: authorize('askQuestion'),
    resolve: async (_root, { input }, context) => {
      const conversation = (await context.loaders.conversationById.load(input.conversationId.id))!;
      return askQuestion(context.em, context.services, conversation, input.question, {
        includeEditorsOnly: await readsEditorsOnly(context, conversation.room.id),
      });
    },
  }),
  deleteConversation: t.field({
    type: 'ID',
    args: { id: t.arg.globalID({ required: true, for: ConversationRef }) },
    authScopes: authorize('deleteConversation'),
    resolve: async (_root, args, context) => {
      const conversation = (await context.loaders.conversationById.load(args.id.id))!;
      await deleteConversation(context.em, context.services.answers, conversation);
      return encodeGlobalID('Conversation', args.id.id);
    },
  }),
}));

builder.subscriptionFields((t) => ({
  messageStream: t.field({
    type: MessageStreamEventRef,
    description:
      'An answer as it is written: the first event carries the whole text so far, then deltas, then a final event (done) with the stored message and citations',
    args: { messageId: t.arg.globalID({ required: true, for: MessageRef }) },
    authScopes: authorize('messageStream'),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'message:stream', args.messageId.id, {
        snapshot: () => messageSnapshot(context.em, context.services.answers, args.messageId.id),
        isTerminal: (event) => event.done,
        select: deltasPerSubscriber(),
      }),
    // Events that carry the stored message read it afresh (the previous read's identity map is stale);
    // the deltas between them touch no database.
    resolve: (event, _args, context) => {
      if (event.withRecord) context.refresh();
      return event;
    },
  }),
}));
