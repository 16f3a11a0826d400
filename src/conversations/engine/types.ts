import type OpenAI from 'openai';

import type { ChunkLine } from '../../documents/engine/types.ts';

/** A retrieved chunk handed to an answer engine; its position in the list (1-based) is its `[n]` marker. */
export interface SourceChunk {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  text: string;
  pageStart: number;
  pageEnd: number;
  score: number;
  /** Printed label of pageStart, the chunk's section, and (PDF) its line boxes for quote highlights. */
  pageLabel?: string;
  pageLabelEnd?: string;
  headingPath?: string[];
  lines?: ChunkLine[];
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AnswerCitation {
  /** The `n` of the `[n]` marker in the answer text. */
  index: number;
  chunkId: string;
  documentId: string;
  /** Verbatim text of the cited chunk (a substring of `SourceChunk.text`). */
  quote: string;
  pageStart: number;
  pageEnd: number;
}

/** A streamed piece of answer text. */
export interface AnswerEvent {
  delta: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface AnswerInput {
  question: string;
  /** The follow-up rewritten to stand alone (see condense.ts); what retrieval and extraction match on. */
  standaloneQuery: string;
  history: ChatTurn[];
  /** Numbered sources: `sources[n - 1]` is `[n]`. */
  sources: SourceChunk[];
  /** The prompt already packed from these sources and history: an LLM engine sends it as is. */
  prompt?: OpenAI.ChatCompletionMessageParam[];
  signal: AbortSignal;
  onDelta(delta: string): void;
}

export interface AnswerResult {
  text: string;
  usage?: TokenUsage;
  /** The provider's finish reason when it gave one (`stop`, `length`, ...). */
  finishReason?: string;
}

export interface AnswerEngine {
  /** Stored in message metadata: `offline-extractive`, `openai`. */
  readonly name: string;
  readonly model: string;
  answer(input: AnswerInput): Promise<AnswerResult>;
}
