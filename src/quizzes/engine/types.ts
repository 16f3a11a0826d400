export type QuestionKind = 'MULTIPLE_CHOICE' | 'TRUE_FALSE' | 'SHORT_ANSWER';

export const QUESTION_KINDS: readonly QuestionKind[] = ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'];

export type Difficulty = 'easy' | 'medium' | 'hard';

export interface QuizSourceChunk {
  chunkId: string;
  documentId: string;
  text: string;
  pageStart: number;
  pageEnd: number;
}

export interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  /** MULTIPLE_CHOICE: 4 options including the answer; TRUE_FALSE: ['True', 'False']; SHORT_ANSWER: []. */
  options: string[];
  answer: string;
  explanation: string;
  evidence: { chunkId: string; quote: string };
  difficulty: Difficulty;
}

export interface VerifiedQuestion extends QuestionDraft {
  evidence: { chunkId: string; documentId: string; quote: string; pageStart: number; pageEnd: number };
}

export type RejectionReason =
  | 'QUOTE_NOT_FOUND'
  | 'ANSWER_NOT_SUPPORTED'
  | 'DISTRACTOR_SUPPORTED'
  | 'DUPLICATE'
  | 'MALFORMED'
  | 'JUDGE_REJECTED';

export const REJECTION_REASONS: readonly RejectionReason[] = [
  'QUOTE_NOT_FOUND',
  'ANSWER_NOT_SUPPORTED',
  'DISTRACTOR_SUPPORTED',
  'DUPLICATE',
  'MALFORMED',
  'JUDGE_REJECTED',
];

export interface Rejection {
  draft: QuestionDraft;
  reason: RejectionReason;
  detail: string;
}

export interface DraftRequest {
  chunks: QuizSourceChunk[];
  count: number;
  kinds: QuestionKind[];
  /** Prompts already accepted: a drafter should not ask them again. */
  avoid: string[];
  /** 1-based; a drafter varies its output with it so regenerated slots differ. */
  round: number;
  signal?: AbortSignal;
}

export interface QuizDrafter {
  readonly name: string;
  draft(input: DraftRequest): Promise<QuestionDraft[]>;
}

export interface JudgeVerdict {
  /** The quote supports the stated answer. */
  supported: boolean;
  /** The quote also supports some other option (so the question has two right answers). */
  distractorSupported: boolean;
  reason: string;
}

/** A second opinion on a question that passed the lexical checks (an LLM when a provider is configured). */
export type QuizJudge = (
  question: VerifiedQuestion,
  chunkText: string,
  signal?: AbortSignal,
) => Promise<JudgeVerdict>;
