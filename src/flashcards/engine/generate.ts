/**
 * The card verification loop, as for quiz questions: draft, check every draft, keep what passes,
 * regenerate the rejected slots for a bounded number of rounds. Only verified cards come out; a bad draft
 * is a statistic, never an error. Only the drafter itself throws (a provider still failing after its
 * retries), so the job can mark the deck FAILED.
 */

import { generateVerified } from '../../quizzes/engine/rounds.ts';
import type { QuizSourceChunk } from '../../quizzes/engine/types.ts';
import {
  CARD_REJECTION_REASONS,
  type CardDraft,
  type CardDrafter,
  type CardGenerationStats,
  type CardRejection,
  type CardRejectionReason,
  type VerifiedCard,
} from './types.ts';
import { cardDuplicateIndex, verifyCard } from './verify.ts';

export interface GenerateCardsOptions {
  drafter: CardDrafter;
  chunks: QuizSourceChunk[];
  count: number;
  /** Rounds in all, the first included. */
  maxRounds?: number;
  /** Extra drafts asked for in round 1, as a share of `count` (rejections are expected). */
  overdraft?: number;
  onProgress?: (stats: CardGenerationStats) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface CardGenerationResult {
  cards: VerifiedCard[];
  stats: CardGenerationStats;
  rejections: CardRejection[];
}

export async function generateVerifiedCards(options: GenerateCardsOptions): Promise<CardGenerationResult> {
  const { drafter, chunks, signal } = options;
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  const duplicates = cardDuplicateIndex();
  const { items, stats, rejections } = await generateVerified<
    CardDraft,
    VerifiedCard,
    CardRejection,
    CardRejectionReason
  >({
    count: options.count,
    drafterName: drafter.name,
    reasons: CARD_REJECTION_REASONS,
    draft: ({ count, round, released }) =>
      drafter.draft({ chunks, count, avoid: released.map((c) => c.front), round, signal }),
    verify: async (draft) => {
      const checked = verifyCard(draft, byId.get(draft.evidence?.chunkId));
      if ('reason' in checked) return { draft, ...checked };
      if (duplicates.isDuplicate(checked))
        return { draft, reason: 'DUPLICATE', detail: 'near-duplicate of a released card' };
      return checked;
    },
    onRelease: (card) => duplicates.add(card),
    shortfallNote: (stats, made, shortOfMaterial) => {
      const why = shortOfMaterial
        ? `the selected material (${chunks.length} usable passages) holds too few definitions and key facts`
        : `not enough drafts passed verification in ${stats.rounds} rounds`;
      const rejected = stats.rejected > 0 ? `; ${stats.rejected} drafts failed verification` : '';
      return `Made ${made} of ${stats.requested} cards: ${why}${rejected}.`;
    },
    maxRounds: options.maxRounds,
    overdraft: options.overdraft,
    onProgress: options.onProgress,
    signal,
  });
  return { cards: items, stats, rejections };
}
