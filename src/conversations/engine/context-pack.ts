/**
 * Builds the prompt for an LLM answer within the model's window, counted with the tokenizer: the system
 * prompt and the question always go in, the answer's tokens are reserved, and what is left is shared by the
 * conversation (newest turns first) and the numbered sources (in retrieval order). Sources are only ever cut
 * or dropped from the end, so `[n]` always means the caller's `sources[n - 1]`.
 */
import type OpenAI from 'openai';
import { tokenizer } from '../../text/tokens.ts';
import { countPromptTokens as countTokens } from './token-count.ts';
import type { ChatTurn, SourceChunk } from './types.ts';

export const ANSWER_SYSTEM_PROMPT = [
  'You are a study assistant. Answer the question using ONLY the numbered sources in the last message.',
  'Cite every claim with the number of the source that supports it, in square brackets right after the claim, like [1] or [2][3].',
  'Prefer short exact phrases quoted from the sources over paraphrase, so each claim can be checked.',
  'Never cite a number that is not in the list. Do not use outside knowledge.',
  'If the sources do not contain the answer, say that the material in this room does not cover it, without citations.',
  'Answer in the language of the question, concisely.',
].join(' ');

export interface PackInput {
  /** What the user typed; the last message ends with it. */
  question: string;
  /** The rewritten follow-up, shown beside the question when it differs (history may have been dropped). */
  standaloneQuery?: string;
  history: ChatTurn[];
  /** Ranked sources; earlier ones are kept first. */
  sources: SourceChunk[];
  /** The model's context window in tokens (prompt plus answer). */
  contextWindow: number;
  /** Tokens kept free for the answer (also sent as max_tokens). */
  reservedAnswerTokens: number;
  systemPrompt?: string;
  /** Share of the free space the conversation may take when the sources need the rest (default 0.3). */
  historyShare?: number;
  /** A source cut shorter than this many tokens is dropped instead (default 64). */
  minSourceTokens?: number;
}

export interface PackedContext {
  messages: OpenAI.ChatCompletionMessageParam[];
  /** The sources the prompt numbers, in order: `[n]` is `sources[n - 1]`; `text` is what the model saw. */
  sources: SourceChunk[];
  /** The conversation turns that were kept (the newest ones). */
  history: ChatTurn[];
  /** Prompt tokens as counted here (cl100k); at most `contextWindow - reservedAnswerTokens`. */
  promptTokens: number;
  droppedTurns: number;
  truncatedSources: number;
  droppedSources: number;
}

export class ContextOverflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextOverflowError';
  }
}

// OpenAI's accounting for chat messages: a few tokens of framing per message, three to prime the reply.
const PER_MESSAGE = 4;
const REPLY_PRIMING = 3;

export function pageLabel(pageStart: number, pageEnd: number): string {
  return pageStart === pageEnd ? `p. ${pageStart}` : `p. ${pageStart}–${pageEnd}`;
}

export function formatSource(n: number, source: SourceChunk, cut = false): string {
  return `[${n}] (${source.documentTitle}, ${pageLabel(source.pageStart, source.pageEnd)})\n${source.text}${cut ? ' …' : ''}`;
}

/** Old answers' markers point at old source lists; the model must not reuse them. */
export function stripMarkers(text: string): string {
  return text.replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, '');
}

export function countMessageTokens(messages: OpenAI.ChatCompletionMessageParam[]): number {
  let n = REPLY_PRIMING;
  for (const m of messages) n += PER_MESSAGE + countTokens(typeof m.content === 'string' ? m.content : '');
  return n;
}

function lastMessage(question: string, standaloneQuery: string | undefined, blocks: string[]): string {
  const sourcesPart = blocks.length > 0 ? `Sources:\n\n${blocks.join('\n\n')}` : 'Sources: (none)';
  const restated =
    standaloneQuery && standaloneQuery.trim().toLowerCase() !== question.trim().toLowerCase()
      ? `\n(In context: ${standaloneQuery.trim()})`
      : '';
  return `${sourcesPart}\n\nQuestion: ${question.trim()}${restated}`;
}

/** The first `maxTokens` tokens of `text`, cut back to a sentence end (or a space) when one is near. */
function cutToTokens(text: string, maxTokens: number): string {
  const enc = tokenizer();
  const ids = enc.encode(text);
  if (ids.length <= maxTokens) return text;
  let head = enc.decode(ids.slice(0, Math.max(0, maxTokens)));
  // A multi-byte character split by the cut decodes to U+FFFD; drop it.
  head = head.replace(/\uFFFD+$/, '');
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
  if (sentenceEnd > head.length * 0.5) return head.slice(0, sentenceEnd + 1);
  const space = head.search(/\s\S*$/);
  return space > head.length * 0.5 ? head.slice(0, space) : head;
}

export function packContext(input: PackInput): PackedContext {
  const systemPrompt = input.systemPrompt ?? ANSWER_SYSTEM_PROMPT;
  const limit = input.contextWindow - input.reservedAnswerTokens;
  const minSource = input.minSourceTokens ?? 64;
  const system: OpenAI.ChatCompletionMessageParam = { role: 'system', content: systemPrompt };
  const fixed = countMessageTokens([
    system,
    { role: 'user', content: lastMessage(input.question, input.standaloneQuery, []) },
  ]);
  if (fixed > limit) {
    throw new ContextOverflowError(
      `The question and instructions take ${fixed} tokens; with ${input.reservedAnswerTokens} reserved for the ` +
        `answer they do not fit the model's ${input.contextWindow}-token window. Ask a shorter question.`,
    );
  }
  const available = limit - fixed;

  const blockCost = (n: number, s: SourceChunk) => countTokens(formatSource(n, s)) + 2; // + the "\n\n" join
  const sourceNeed = input.sources.reduce((sum, s, i) => sum + blockCost(i + 1, s), 0);
  const historyBudget = Math.max(Math.floor(available * (input.historyShare ?? 0.3)), available - sourceNeed);

  // Newest turns first, contiguous: a kept turn never sits after a dropped one.
  const turns = input.history.map((t) => ({
    role: t.role,
    content: t.role === 'assistant' ? stripMarkers(t.content) : t.content,
  }));
  let historyUsed = 0;
  let firstKept = turns.length;
  for (let i = turns.length - 1; i >= 0; i--) {
    const cost = countTokens(turns[i].content) + PER_MESSAGE;
    if (historyUsed + cost > historyBudget) break;
    historyUsed += cost;
    firstKept = i;
  }
  // A conversation should not open with an answer to a question the model cannot see.
  if (firstKept < turns.length && turns[firstKept].role === 'assistant') {
    historyUsed -= countTokens(turns[firstKept].content) + PER_MESSAGE;
    firstKept++;
  }
  let kept = turns.slice(firstKept);

  let remaining = available - historyUsed;
  const sources: SourceChunk[] = [];
  let truncated = new Set<number>();
  for (const s of input.sources) {
    const n = sources.length + 1;
    const cost = blockCost(n, s);
    if (cost <= remaining) {
      sources.push(s);
      remaining -= cost;
      continue;
    }
    const header = blockCost(n, { ...s, text: '' }) + 2; // + the " …" mark
    if (remaining - header >= minSource) {
      sources.push({ ...s, text: cutToTokens(s.text, remaining - header) });
      truncated.add(n);
    }
    break;
  }

  const build = () => [
    system,
    ...kept.map((t) => ({ role: t.role, content: t.content }) as OpenAI.ChatCompletionMessageParam),
    {
      role: 'user' as const,
      content: lastMessage(
        input.question,
        input.standaloneQuery,
        sources.map((s, i) => formatSource(i + 1, s, truncated.has(i + 1))),
      ),
    },
  ];
  let messages = build();
  let promptTokens = countMessageTokens(messages);
  // Token counts of joined text can differ from the sum of the parts by a token or two; settle exactly.
  while (promptTokens > limit) {
    const excess = promptTokens - limit;
    const last = sources.length - 1;
    if (last >= 0) {
      const ids = countTokens(sources[last].text);
      if (ids - excess - 8 >= minSource) {
        sources[last] = { ...sources[last], text: cutToTokens(sources[last].text, ids - excess - 8) };
        truncated.add(last + 1);
      } else {
        sources.pop();
        truncated = new Set([...truncated].filter((n) => n <= sources.length));
      }
    } else if (kept.length > 0) {
      kept = kept.slice(1);
    } else {
      throw new ContextOverflowError('The prompt does not fit the model window.');
    }
    messages = build();
    promptTokens = countMessageTokens(messages);
  }

  return {
    messages,
    sources,
    history: kept.map((t, i) => ({
      role: t.role,
      content: input.history[input.history.length - kept.length + i].content,
    })),
    promptTokens,
    droppedTurns: input.history.length - kept.length,
    truncatedSources: truncated.size,
    droppedSources: input.sources.length - sources.length,
  };
}
