import { z } from 'zod';
import { authorize, readsEditorsOnly } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { CardRef, DeckProgressRef, DeckRef, ReviewItemRef, ReviewRatingEnum } from '../schema/deck.ts';
import { DocumentRef } from '../schema/document.ts';
import { RoomRef } from '../schema/room.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import { currentDeckProgress } from '../src/flashcards/deck-progress.ts';
import { exportDeck, generateFlashcards } from '../src/flashcards/deck-service.ts';
import { isTimeZone } from '../src/flashcards/engine/day.ts';
import { reviewCard, reviewQueue } from '../src/flashcards/review-service.ts';
import { liveSubscription } from '../src/pubsub.ts';

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
    // A deck filter must name a deck of this room that the viewer sees.
    authScopes: authorize('reviewQueue'),
    resolve: async (_root, args, context) => {
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
    authScopes: authorize('exportDeck'),
    resolve: async (_root, args, context) =>
      exportDeck(context.em, (await context.loaders.deckById.load(args.deckId.id))!),
  }),
}));

builder.mutationFields((t) => ({
  generateFlashcards: t.field({
    type: DeckRef,
    description: 'Enqueues generation and returns the GENERATING deck; follow it with deckProgress',
    args: { input: t.arg({ type: GenerateFlashcardsInput, required: true }) },
    authScopes: authorize('generateFlashcards'),
    resolve: async (_root, { input }, context) => {
      const deck = await generateFlashcards(context.em, context.services, context.viewer!.id, {
        roomId: input.roomId.id,
        documentIds: input.documentIds?.map((id) => id.id),
        count: input.count,
        title: input.title,
      });
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'DECK_GENERATED',
        subject: { type: 'Deck', id: deck.id },
        detail: { title: deck.title, count: input.count },
      });
      return deck;
    },
  }),
  reviewCard: t.field({
    type: ReviewItemRef,
    description:
      'Rates a due card; FSRS schedules its next review. A card reviewed concurrently or not yet due is refused (BAD_USER_INPUT)',
    args: { input: t.arg({ type: ReviewCardInput, required: true }) },
    authScopes: authorize('reviewCard'),
    resolve: async (_root, { input }, context) =>
      reviewCard(
        context.em,
        context.viewer!.id,
        (await context.loaders.cardById.load(input.cardId.id))!,
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
    authScopes: authorize('deckProgress'),
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
