import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Card, CardReview, Deck, type ReviewRating } from '../entities/flashcard.ts';
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
  /** False for a viewer: generated decks drawing on an editor-only document are left out. */
  includeEditorsOnly: boolean;
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
  const hidden = options.includeEditorsOnly ? [] : await decksOnEditorsOnlyDocuments(em, roomId);
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
          ...(options.deckId ? { id: options.deckId } : hidden.length ? { id: { $nin: hidden } } : {}),
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
     where c.room_id = ? and ${VISIBLE_DECK} ${deck} ${hidden.length ? 'and d.id not in (?)' : ''}
       and not exists (select 1 from card_review r where r.card_id = c.id and r.user_id = ?)
     order by (d.owner_id is null), d.created_at, d.id, c.ordinal, c.created_at limit ?`,
    [roomId, viewerId, ...deckArg, ...(hidden.length ? [hidden] : []), viewerId, take],
  );
  const cards = new Map((await em.find(Card, { id: { $in: rows.map((r) => r.id) } })).map((c) => [c.id, c]));
  for (const { id } of rows) items.push({ ...newReviewState(now), card: cards.get(id)! });
  return items;
}

/** The room's generated decks made from a document that is editor-only now: never in a viewer's queue. */
async function decksOnEditorsOnlyDocuments(em: EntityManager, roomId: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select d.id from deck d where d.room_id = ? and d.kind = 'GENERATED' and exists (
       select 1 from document x where x.room_id = d.room_id and x.visibility = 'EDITORS'
         and d.document_ids @> jsonb_build_array(x.id::text))`,
    [roomId],
  );
  return rows.map((row) => row.id);
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

const RACE = 'This card was just reviewed by another request; load the review queue again';

const STATE_COLUMNS =
  'state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review';
const LOG_INSERT = `insert into review_log (id, user_id, card_id, room_id, rating, state, due, stability, difficulty,
  scheduled_days, learning_steps, reviewed_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from written returning id`;

/**
 * Applies a rating at `now` by FSRS and appends the review log. Atomic per member and card, in one
 * statement (a data-modifying CTE): the state is written only over the version that was read (or inserted
 * when there was none, the unique (user, card) pair deciding between two first reviews), and the log row
 * only with it. Of two concurrent reviews one wins and the other is refused. A card that is not due yet
 * is refused too, which also turns away a second tap on a card that was just reviewed.
 */
export async function reviewCard(
  em: EntityManager,
  viewerId: string,
  card: Card,
  rating: ReviewRating,
  now: Date,
): Promise<ReviewItem> {
  const deck = await em.findOne(Deck, card.deck.id);
  if (deck?.status !== 'READY') throw badInput('The deck is not ready yet', 'cardId');
  const review = await em.fork().findOne(CardReview, { user: viewerId, card: card.id });
  const state = review ? stateOf(review) : newReviewState(now);
  if (state.state !== 'NEW' && state.due > now) {
    throw badInput(`This card is not due until ${state.due.toISOString()}`, 'cardId');
  }
  const { next, log } = applyRating(state, rating, now);
  const values = [
    next.state,
    next.due,
    next.stability,
    next.difficulty,
    next.scheduledDays,
    next.learningSteps,
    next.reps,
    next.lapses,
    next.lastReview,
  ];
  const logValues = [
    randomUUID(),
    viewerId,
    card.id,
    card.room.id,
    log.rating,
    log.state,
    log.due,
    log.stability,
    log.difficulty,
    log.scheduledDays,
    log.learningSteps,
    log.reviewedAt,
  ];
  const write = review
    ? {
        sql: `with written as (update card_review set (${STATE_COLUMNS}, version, updated_at) =
                (?, ?, ?, ?, ?, ?, ?, ?, ?, version + 1, ?) where id = ? and version = ? returning id) ${LOG_INSERT}`,
        params: [...values, now, review.id, review.version, ...logValues],
      }
    : {
        sql: `with written as (insert into card_review (id, created_at, updated_at, user_id, card_id, room_id,
                ${STATE_COLUMNS}, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                on conflict (user_id, card_id) do nothing returning id) ${LOG_INSERT}`,
        params: [randomUUID(), now, now, viewerId, card.id, card.room.id, ...values, ...logValues],
      };
  const written = await em.getConnection().execute<{ id: string }[]>(write.sql, write.params);
  if (written.length !== 1) throw badInput(RACE, 'cardId');
  return { ...next, card };
}
