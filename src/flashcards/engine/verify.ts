/**
 * The checks every card draft must pass before release, whichever engine drafted it (the same ones quiz
 * questions pass): the quote is in the cited chunk, the back is supported by the quote, the front does not
 * give the back away, and the card is no near-duplicate of one already released.
 */

import type { QuizSourceChunk } from '../../quizzes/engine/types.ts';
import { answerIn } from '../../quizzes/engine/verify.ts';
import {
  containsPhrase,
  contentTokens,
  jaccard,
  normalizeAnswer,
  normalizeForMatch,
  normalizeWithOffsets,
} from '../../text/normalize.ts';
import { type CardDraft, type CardRejectionReason, DRAFT_CARD_KINDS, type VerifiedCard } from './types.ts';

type Failure = { reason: CardRejectionReason; detail: string };

const MAX_FRONT = 600;
const MAX_BACK = 400;

/**
 * The quote as it stands in the chunk (original characters), found by normalised matching; undefined when
 * the chunk does not contain it. Storing this slice keeps evidence verbatim even when a model changed a
 * quote's typography.
 */
export function verbatimSlice(quote: string, chunkText: string): string | undefined {
  const needle = normalizeForMatch(quote);
  if (!needle) return undefined;
  const { norm, map } = normalizeWithOffsets(chunkText);
  const at = norm.indexOf(needle);
  if (at < 0) return undefined;
  return chunkText.slice(map[at], map[at + needle.length - 1]! + 1);
}

/** A card draft checked against its chunk: the verified card, or why it fails. */
export function verifyCard(draft: CardDraft, chunk: QuizSourceChunk | undefined): VerifiedCard | Failure {
  const front = draft.front?.trim() ?? '';
  const back = draft.back?.trim() ?? '';
  const malformed = (detail: string): Failure => ({ reason: 'MALFORMED', detail });
  if (!DRAFT_CARD_KINDS.includes(draft.kind)) return malformed(`unknown kind ${String(draft.kind)}`);
  if (!front) return malformed('empty front');
  if (!back) return malformed('empty back');
  if (front.length > MAX_FRONT || back.length > MAX_BACK) return malformed('front or back too long');
  if (!draft.evidence?.quote?.trim()) return malformed('no evidence quote');
  if (!chunk) return { reason: 'QUOTE_NOT_FOUND', detail: `unknown chunk ${draft.evidence.chunkId}` };
  const quote = verbatimSlice(draft.evidence.quote, chunk.text);
  if (!quote) return { reason: 'QUOTE_NOT_FOUND', detail: 'the evidence quote is not in the cited chunk' };
  if (!answerIn(back, quote))
    return { reason: 'BACK_NOT_SUPPORTED', detail: `"${back}" is not in the quote` };
  if (normalizeAnswer(back).length >= 3 && containsPhrase(front, back)) {
    return { reason: 'FRONT_GIVES_AWAY_BACK', detail: 'the front contains the back' };
  }
  return {
    kind: draft.kind,
    front,
    back,
    evidence: {
      chunkId: chunk.chunkId,
      documentId: chunk.documentId,
      quote,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
    },
  };
}

export interface CardDuplicateIndex {
  isDuplicate(card: CardDraft): boolean;
  add(card: CardDraft): void;
}

/** Near-duplicates: fronts with token Jaccard >= 0.8, or the same quote with the same back. */
export function cardDuplicateIndex(threshold = 0.8): CardDuplicateIndex {
  const fronts: string[][] = [];
  const facts = new Set<string>();
  const key = (c: CardDraft) => `${normalizeForMatch(c.evidence.quote)}\u0000${normalizeAnswer(c.back)}`;
  return {
    isDuplicate(card) {
      if (facts.has(key(card))) return true;
      const tokens = contentTokens(card.front);
      return fronts.some((f) => jaccard(f, tokens) >= threshold);
    },
    add(card) {
      fronts.push(contentTokens(card.front));
      facts.add(key(card));
    },
  };
}
