import type { RoundsStats } from '../../quizzes/engine/rounds.ts';
import type { QuizSourceChunk } from '../../quizzes/engine/types.ts';

/** DEFINITION: term → definition; CLOZE: a key-fact sentence with its key term blanked; QUESTION: free. */
export type DraftCardKind = 'DEFINITION' | 'CLOZE' | 'QUESTION';

export const DRAFT_CARD_KINDS: readonly DraftCardKind[] = ['DEFINITION', 'CLOZE', 'QUESTION'];

export interface CardDraft {
  kind: DraftCardKind;
  front: string;
  back: string;
  evidence: { chunkId: string; quote: string };
}

export interface VerifiedCard extends CardDraft {
  evidence: { chunkId: string; documentId: string; quote: string; pageStart: number; pageEnd: number };
}

export type CardRejectionReason =
  | 'MALFORMED'
  | 'QUOTE_NOT_FOUND'
  | 'BACK_NOT_SUPPORTED'
  | 'FRONT_GIVES_AWAY_BACK'
  | 'DUPLICATE';

export const CARD_REJECTION_REASONS: readonly CardRejectionReason[] = [
  'MALFORMED',
  'QUOTE_NOT_FOUND',
  'BACK_NOT_SUPPORTED',
  'FRONT_GIVES_AWAY_BACK',
  'DUPLICATE',
];

export interface CardRejection {
  draft: CardDraft;
  reason: CardRejectionReason;
  detail: string;
}

export interface CardDraftRequest {
  chunks: QuizSourceChunk[];
  count: number;
  /** Fronts already accepted: a drafter should not write them again. */
  avoid: string[];
  /** 1-based; a drafter varies its output with it so regenerated slots differ. */
  round: number;
  signal?: AbortSignal;
}

export interface CardDrafter {
  readonly name: string;
  draft(input: CardDraftRequest): Promise<CardDraft[]>;
}

/** The shape of quiz generation stats (`QuizStats` in the schema), with the card rejection reasons. */
export type CardGenerationStats = RoundsStats<CardRejectionReason>;
