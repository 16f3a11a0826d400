/**
 * Spaced repetition on FSRS, through ts-fsrs (the scheduler is theirs, not ours): a stored review state
 * becomes a ts-fsrs `Card`, a rating is applied at the server's `now`, and the new state and the review
 * log come back in the form the database stores. Pure: the clock is an argument.
 */
import { type Card as FsrsCard, fsrs, type Grade, Rating, type ReviewLog, State } from 'ts-fsrs';
import type { ReviewRating, ReviewState } from '../../entities/flashcard.ts';

/**
 * The scheduler's parameters (FSRS-6 default weights): 90% target retention, intervals up to ten years,
 * learning steps of 1 and 10 minutes, a 10-minute relearning step, and fuzz so cards learned together do
 * not stay due together (ts-fsrs seeds the fuzz from the card, so the same review gives the same date).
 */
export const FSRS_PARAMETERS = {
  request_retention: 0.9,
  maximum_interval: 3650,
  enable_fuzz: true,
  enable_short_term: true,
  learning_steps: ['1m', '10m'] as const,
  relearning_steps: ['10m'] as const,
};

const scheduler = fsrs({
  ...FSRS_PARAMETERS,
  learning_steps: [...FSRS_PARAMETERS.learning_steps],
  relearning_steps: [...FSRS_PARAMETERS.relearning_steps],
});

/** What the database keeps per member and card (CardReview), without ids. */
export interface ReviewStateFields {
  state: ReviewState;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface ReviewLogFields {
  rating: ReviewRating;
  state: ReviewState;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

const STATES: Record<State, ReviewState> = {
  [State.New]: 'NEW',
  [State.Learning]: 'LEARNING',
  [State.Review]: 'REVIEW',
  [State.Relearning]: 'RELEARNING',
};
const FSRS_STATES: Record<ReviewState, State> = {
  NEW: State.New,
  LEARNING: State.Learning,
  REVIEW: State.Review,
  RELEARNING: State.Relearning,
};
const GRADES: Record<ReviewRating, Grade> = {
  AGAIN: Rating.Again,
  HARD: Rating.Hard,
  GOOD: Rating.Good,
  EASY: Rating.Easy,
};
const RATING_NAMES = Object.fromEntries(Object.entries(GRADES).map(([k, v]) => [v, k])) as Record<
  Grade,
  ReviewRating
>;

/** The state of a card a member has never reviewed: NEW, due now. */
export function newReviewState(now: Date): ReviewStateFields {
  return {
    state: 'NEW',
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

function toFsrs(state: ReviewStateFields): FsrsCard {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5; it derives elapsed time from last_review
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: FSRS_STATES[state.state],
    last_review: state.lastReview ?? undefined,
  };
}

function fromFsrs(card: FsrsCard): ReviewStateFields {
  return {
    state: STATES[card.state],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

function logFields(log: ReviewLog): ReviewLogFields {
  return {
    rating: RATING_NAMES[log.rating as Grade],
    state: STATES[log.state],
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: log.review,
  };
}

/** The state after rating the card at `now`, and the review log entry ts-fsrs writes for it. */
export function applyRating(
  state: ReviewStateFields,
  rating: ReviewRating,
  now: Date,
): { next: ReviewStateFields; log: ReviewLogFields } {
  const { card, log } = scheduler.next(toFsrs(state), now, GRADES[rating]);
  return { next: fromFsrs(card), log: logFields(log) };
}
