import { z } from 'zod';
import { readsEditorsOnly } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import {
  CardRef,
  DeckProgressRef,
  DeckRef,
  ReviewItemRef,
  ReviewRatingEnum,
  visibleDeck,
} from '../schema/deck.ts';
import { DocumentRef } from '../schema/document.ts';
import { RoomRef } from '../schema/room.ts';
import { badInput, notFound } from '../src/errors.ts';
import { currentDeckProgress } from '../src/flashcards/deck-progress.ts';
import { exportDeck, generateFlashcards } from '../src/flashcards/deck-service.ts';
import { isTimeZone } from '../src/flashcards/engine/day.ts';
import { reviewCard, reviewQueue } from '../src/flashcards/review-service.ts';
import { liveSubscription } from '../src/pubsub.ts';
import type { Context } from '../src/transport/context.ts';

const GenerateFlashcardsInput = builder.inputType('GenerateFlashcardsInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    documentIds: t.globalIDList({
      for: DocumentRef,
      description: 'Defaults to every READY document of the room',
      validate: z.array(z.unknown()).max(200, 'at most 200 documents').nullish(),
    }),
    count: t.int({
      required: true,
      validate: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
    }),
    title: t.string({ validate: z.string().max(200, 'must be at most 200 characters').nullish() }),
  }),
});

const ReviewCardInput = builder.inputType('ReviewCardInput', {
  fields: (t) => ({
    cardId: t.globalID({ required: true, for: CardRef }),
    rating: t.field({ type: ReviewRatingEnum, required: true }),
  }),
});

const timeZoneArg = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone name such as "Europe/Lisbon"')
  .nullish();

/** Scope for a deck: the viewer may see it (else NOT_FOUND), with `role` in its room. */
async function deckScope(context: Context, deckId: string, role: 'VIEWER' | 'EDITOR' = 'VIEWER') {
  const deck = await visibleDeck(context, deckId);
  if (!deck) throw notFound('Deck');
  return { room: { roomId: deck.room.id, role } };
}

/** The card, when its deck is visible to the viewer and READY. */
async function reviewableCard(context: Context, cardId: string) {
  const card = await context.loaders.cardById.load(cardId);
  const deck = card && (await visibleDeck(context, card.deck.id));
  if (!card || !deck) throw notFound('Card');
  if (deck.status !== 'READY') throw badInput('The deck is not ready yet', 'cardId');
  return card;
}

builder.queryFields((t) => ({
  reviewQueue: t.field({
    type: [ReviewItemRef],
    description:
      "The viewer's cards due now in this room, most overdue first, then new cards up to the room's daily cap",
    args: {
      roomId: t.arg.globalID({ required: true, for: RoomRef }),
      first: t.arg.int({
        defaultValue: 20,
        validate: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200'),
      }),
      timezone: t.arg.string({
        description:
          'IANA time zone of the viewer: "today" for the new-card cap starts at its midnight (UTC by default)',
        validate: timeZoneArg,
      }),
      deckId: t.arg.globalID({ for: DeckRef, description: 'Only this deck' }),
    },
    authScopes: (_root, args) => ({ room: { roomId: args.roomId.id, role: 'VIEWER' } }),
    resolve: async (_root, args, context) => {
      if (args.deckId && (await visibleDeck(context, args.deckId.id))?.room.id !== args.roomId.id) {
        throw notFound('Deck');
      }
      return reviewQueue(context.em, context.viewer!.id, args.roomId.id, context.services.clock.now(), {
        first: args.first ?? 20,
        timeZone: args.timezone ?? undefined,
        deckId: args.deckId?.id,
        includeEditorsOnly: await readsEditorsOnly(context, args.roomId.id),
      });
    },
  }),
  exportDeck: t.string({
    description: 'The deck as Anki-importable tab-separated text (File → Import in Anki)',
    args: { deckId: t.arg.globalID({ required: true, for: DeckRef }) },
    authScopes: (_root, args, context) => deckScope(context, args.deckId.id),
    resolve: async (_root, args, context) =>
      exportDeck(context.em, (await context.loaders.deckById.load(args.deckId.id))!),
  }),
}));

builder.mutationFields((t) => ({
  generateFlashcards: t.field({
    type: DeckRef,
    description: 'Enqueues generation and returns the GENERATING deck; follow it with deckProgress',
    args: { input: t.arg({ type: GenerateFlashcardsInput, required: true }) },
    authScopes: (_root, args) => ({ room: { roomId: args.input.roomId.id, role: 'EDITOR' } }),
    resolve: (_root, { input }, context) =>
      generateFlashcards(context.em, context.services, context.viewer!.id, {
        roomId: input.roomId.id,
        documentIds: input.documentIds?.map((id) => id.id),
        count: input.count,
        title: input.title,
      }),
  }),
  reviewCard: t.field({
    type: ReviewItemRef,
    description:
      'Rates a due card; FSRS schedules its next review. A card reviewed concurrently or not yet due is refused (BAD_USER_INPUT)',
    args: { input: t.arg({ type: ReviewCardInput, required: true }) },
    authScopes: async (_root, args, context) => {
      const card = await reviewableCard(context, args.input.cardId.id);
      return { room: { roomId: card.room.id, role: 'VIEWER' } };
    },
    resolve: async (_root, { input }, context) =>
      reviewCard(
        context.em,
        context.viewer!.id,
        await reviewableCard(context, input.cardId.id),
        input.rating,
        context.services.clock.now(),
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  deckProgress: t.field({
    type: DeckProgressRef,
    description:
      'Drafted, verified and rejected counts and the round; the current state first, live until READY or FAILED',
    args: { deckId: t.arg.globalID({ required: true, for: DeckRef }) },
    authScopes: (_root, args, context) => deckScope(context, args.deckId.id),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'deck:progress', args.deckId.id, {
        snapshot: () => currentDeckProgress(context.em, args.deckId.id),
        isTerminal: (event) => event.status !== 'GENERATING',
      }),
    resolve: (event, _args, context) => {
      context.refresh();
      return event;
    },
  }),
}));
