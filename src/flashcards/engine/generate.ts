/**
 * The card verification loop, as for quiz questions: draft, check every draft, keep what passes,
 * regenerate the rejected slots for a bounded number of rounds. Only verified cards come out; a bad draft
 * is a statistic, never an error. Only the drafter itself throws (a provider still failing after its
 * retries), so the job can mark the deck FAILED.
 */
import type { QuizSourceChunk } from '../../quizzes/engine/types.ts';
import {
  CARD_REJECTION_REASONS,
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
  const { drafter, chunks, count, signal } = options;
  const maxRounds = Math.max(1, options.maxRounds ?? 3);
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  const stats: CardGenerationStats = {
    requested: count,
    drafted: 0,
    verified: 0,
    rejected: 0,
    rejectionsByReason: Object.fromEntries(CARD_REJECTION_REASONS.map((r) => [r, 0])) as Record<
      CardRejectionReason,
      number
    >,
    rejectionsByRound: [],
    rounds: 0,
    drafter: drafter.name,
  };
  const cards: VerifiedCard[] = [];
  const rejections: CardRejection[] = [];
  const duplicates = cardDuplicateIndex();
  let shortOfMaterial = false;

  for (let round = 1; round <= maxRounds && cards.length < count; round++) {
    signal?.throwIfAborted();
    const need = count - cards.length;
    const ask = round === 1 ? Math.ceil(need * (1 + (options.overdraft ?? 0.25))) : need + 1;
    const drafts = await drafter.draft({
      chunks,
      count: ask,
      avoid: cards.map((c) => c.front),
      round,
      signal,
    });
    stats.rounds = round;
    stats.drafted += drafts.length;
    stats.rejectionsByRound.push(0);
    if (drafts.length < need) shortOfMaterial = true;
    for (const draft of drafts) {
      if (cards.length >= count) break;
      const checked = verifyCard(draft, byId.get(draft.evidence?.chunkId));
      const verdict =
        'reason' in checked || !duplicates.isDuplicate(checked)
          ? checked
          : { reason: 'DUPLICATE' as const, detail: 'near-duplicate of a released card' };
      if ('reason' in verdict) {
        rejections.push({ draft, ...verdict });
        stats.rejected++;
        stats.rejectionsByReason[verdict.reason]++;
        stats.rejectionsByRound[round - 1]!++;
        continue;
      }
      duplicates.add(verdict);
      cards.push(verdict);
      stats.verified = cards.length;
    }
    await options.onProgress?.({ ...stats, rejectionsByRound: [...stats.rejectionsByRound] });
    if (drafts.length === 0) break;
  }
  if (cards.length < count) {
    const why = shortOfMaterial
      ? `the selected material (${chunks.length} usable passages) holds too few definitions and key facts`
      : `not enough drafts passed verification in ${stats.rounds} rounds`;
    const rejected = stats.rejected > 0 ? `; ${stats.rejected} drafts failed verification` : '';
    stats.note = `Made ${cards.length} of ${count} cards: ${why}${rejected}.`;
  }
  return { cards, stats, rejections };
}
