import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Card, CardReview, ReviewLog, type ReviewRating } from '../entities/flashcard.ts';
import { Room } from '../entities/room.ts';
import { badInput } from '../errors.ts';
import { startOfDay } from './engine/day.ts';
import { applyRating, newReviewState, type ReviewStateFields } from './engine/schedule.ts';

/** A card in a member's queue with that member's review state (NEW, due now, for a card never reviewed). */
export interface ReviewItem extends ReviewStateFields {
  card: Card;
}

export interface QueueOptions {
  first: number;
  /** IANA name, already validated; "today" for the new-card cap starts at its local midnight. */
  timeZone?: string;
  deckId?: string;
}

// A deck is in a member's queue when it is READY and generated for the room, or the member's own.
const VISIBLE_DECK = `d.status = 'READY' and (d.owner_id is null or d.owner_id = ?)`;

/**
 * What the member should review now: cards due (most overdue first), then new cards up to what is left of
 * the room's daily new-card cap (cards the member started since local midnight count against it).
 */
export async function reviewQueue(
  em: EntityManager,
  viewerId: string,
  roomId: string,
  now: Date,
  options: QueueOptions,
): Promise<ReviewItem[]> {
  const deck = options.deckId ? 'and c.deck_id = ?' : '';
  const deckArg = options.deckId ? [options.deckId] : [];
  const conn = em.getConnection();
  const due = await em.find(
    CardReview,
    {
      user: viewerId,
      room: roomId,
      due: { $lte: now },
      state: { $ne: 'NEW' },
      card: {
        deck: {
          status: 'READY',
          $or: [{ owner: null }, { owner: viewerId }],
          ...(options.deckId ? { id: options.deckId } : {}),
        },
      },
    },
    { populate: ['card'], orderBy: { due: 'asc', id: 'asc' }, limit: options.first },
  );
  const items: ReviewItem[] = due.map((review) => ({ ...stateOf(review), card: review.card }));
  const room = await em.findOneOrFail(Room, roomId, { fields: ['newCardsPerDay'] });
  const [{ started }] = await conn.execute<{ started: string }[]>(
    `select count(*) as started from review_log where user_id = ? and room_id = ? and state = 'NEW' and reviewed_at >= ?`,
    [viewerId, roomId, startOfDay(now, options.timeZone)],
  );
  const room_left = Math.max(0, room.newCardsPerDay - Number(started));
  const take = Math.min(room_left, options.first - items.length);
  if (take <= 0) return items;
  // Missed questions first: they are what this member got wrong.
  const rows = await conn.execute<{ id: string }[]>(
    `select c.id from card c join deck d on d.id = c.deck_id
     where c.room_id = ? and ${VISIBLE_DECK} ${deck}
       and not exists (select 1 from card_review r where r.card_id = c.id and r.user_id = ?)
     order by (d.owner_id is null), d.created_at, d.id, c.ordinal, c.created_at limit ?`,
    [roomId, viewerId, ...deckArg, viewerId, take],
  );
  const cards = new Map((await em.find(Card, { id: { $in: rows.map((r) => r.id) } })).map((c) => [c.id, c]));
  for (const { id } of rows) items.push({ ...newReviewState(now), card: cards.get(id)! });
  return items;
}

function stateOf(review: CardReview): ReviewStateFields {
  return {
    state: review.state,
    due: review.due,
    stability: review.stability,
    difficulty: review.difficulty,
    scheduledDays: review.scheduledDays,
    learningSteps: review.learningSteps,
    reps: review.reps,
    lapses: review.lapses,
    lastReview: review.lastReview ?? null,
  };
}

/** The member's review state of a card (NEW when never reviewed). */
export async function reviewStateOf(em: EntityManager, viewerId: string, card: Card, now: Date) {
  const review = await em.findOne(CardReview, { user: viewerId, card: card.id });
  return review ? stateOf(review) : newReviewState(now);
}

const RACE = 'This card was just reviewed by another request; load the review queue again';

/**
 * Applies a rating at `now` by FSRS and appends the review log, in one transaction. Atomic per member and
 * card: the state is updated only over the version that was read (or inserted when there was none), so of
 * two concurrent reviews one wins and the other is refused. A card that is not due yet is refused too,
 * which also turns away a second tap on a card that was just reviewed.
 */
export async function reviewCard(
  em: EntityManager,
  viewerId: string,
  card: Card,
  rating: ReviewRating,
  now: Date,
): Promise<ReviewItem> {
  const review = await em.fork().findOne(CardReview, { user: viewerId, card: card.id });
  const state = review ? stateOf(review) : newReviewState(now);
  if (state.state !== 'NEW' && state.due > now) {
    throw badInput(`This card is not due until ${state.due.toISOString()}`, 'cardId');
  }
  const { next, log } = applyRating(state, rating, now);
  try {
    await em.fork().transactional(async (tx) => {
      if (review) {
        const updated = await tx.nativeUpdate(
          CardReview,
          { id: review.id, version: review.version },
          { ...next, version: review.version + 1, updatedAt: now },
        );
        if (updated !== 1) throw badInput(RACE, 'cardId');
      } else {
        await tx.insert(CardReview, {
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
          user: viewerId,
          card: card.id,
          room: card.room.id,
          ...next,
          version: 1,
        });
      }
      await tx.insert(ReviewLog, {
        id: randomUUID(),
        user: viewerId,
        card: card.id,
        room: card.room.id,
        ...log,
      });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput(RACE, 'cardId');
    throw error;
  }
  return { ...next, card };
}
