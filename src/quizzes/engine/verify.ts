/**
 * The lexical checks every draft must pass before release, whichever engine drafted it: the quote is in
 * the cited chunk, the quote supports the answer, and it supports no distractor. Matching is on normalised
 * text (case, whitespace, typographic quotes and dashes), so extraction quirks do not reject true quotes.
 */
import {
  containsPhrase,
  contentTokens,
  jaccard,
  normalizeAnswer,
  normalizeForMatch,
  numbersIn,
} from '../../text/normalize.ts';
import type { QuestionDraft, QuizSourceChunk, Rejection, RejectionReason } from './types.ts';

type Failure = { reason: RejectionReason; detail: string };

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'neither', 'nor', 'cannot', "n't", 'without']);

export function quoteFoundIn(quote: string, chunkText: string): boolean {
  const q = normalizeForMatch(quote);
  return q.length > 0 && normalizeForMatch(chunkText).includes(q);
}

/** The statement of a true/false prompt, without its "True or false:" lead-in. */
export function statementOf(prompt: string): string {
  return prompt.replace(/^\s*(?:true\s+or\s+false|t\/f)\s*[:?.-]?\s*/i, '').trim();
}

/**
 * Puts a draft in canonical form (TF answers "True"/"False", SA without options) or says why it is
 * malformed. Lenient about form, strict about content.
 */
export function normalizeDraft(draft: QuestionDraft): QuestionDraft | Failure {
  const malformed = (detail: string): Failure => ({ reason: 'MALFORMED', detail });
  if (!draft.prompt?.trim()) return malformed('empty prompt');
  if (!draft.answer?.trim()) return malformed('empty answer');
  if (!draft.evidence?.quote?.trim() || !draft.evidence.chunkId) return malformed('no evidence quote');
  const options = (draft.options ?? []).map((o) => o.trim());
  if (draft.kind === 'TRUE_FALSE') {
    const answer = normalizeAnswer(draft.answer);
    if (answer !== 'true' && answer !== 'false') return malformed(`true/false answer "${draft.answer}"`);
    return { ...draft, options: ['True', 'False'], answer: answer === 'true' ? 'True' : 'False' };
  }
  if (draft.kind === 'SHORT_ANSWER') return { ...draft, options: [], answer: draft.answer.trim() };
  if (draft.kind !== 'MULTIPLE_CHOICE') return malformed(`unknown kind ${String(draft.kind)}`);
  if (options.length !== 4) return malformed(`${options.length} options, 4 expected`);
  const keys = options.map(normalizeAnswer);
  if (new Set(keys).size !== 4) return malformed('repeated options');
  const at = keys.indexOf(normalizeAnswer(draft.answer));
  if (at < 0) return malformed('the answer is not among the options');
  return { ...draft, options, answer: options[at] };
}

/** Every lexical check for one draft; undefined when it passes. */
export function checkDraft(draft: QuestionDraft, chunk: QuizSourceChunk | undefined): Failure | undefined {
  if (!chunk) return { reason: 'QUOTE_NOT_FOUND', detail: `unknown chunk ${draft.evidence.chunkId}` };
  const quote = draft.evidence.quote;
  if (!quoteFoundIn(quote, chunk.text)) {
    return { reason: 'QUOTE_NOT_FOUND', detail: 'the evidence quote is not in the cited chunk' };
  }
  if (draft.kind === 'TRUE_FALSE') return checkTrueFalse(draft, quote);
  if (answerIn(draft.answer, quote) === false) {
    return { reason: 'ANSWER_NOT_SUPPORTED', detail: `"${draft.answer}" is not in the quote` };
  }
  // A question whose prompt states its own answer tests nothing.
  if (normalizeAnswer(draft.answer).length >= 3 && containsPhrase(draft.prompt, draft.answer)) {
    return { reason: 'MALFORMED', detail: 'the prompt contains the answer' };
  }
  for (const option of draft.options) {
    if (normalizeAnswer(option) === normalizeAnswer(draft.answer)) continue;
    if (containsPhrase(quote, normalizeAnswer(option))) {
      return { reason: 'DISTRACTOR_SUPPORTED', detail: `the quote also contains "${option}"` };
    }
  }
  return undefined;
}

/** The answer occurs in the quote as a phrase, or all its content words (and every number) do. */
export function answerIn(answer: string, quote: string): boolean {
  if (containsPhrase(quote, normalizeAnswer(answer))) return true;
  const quoteNumbers = new Set(numbersIn(quote));
  if (numbersIn(answer).some((n) => !quoteNumbers.has(n))) return false;
  const tokens = contentTokens(answer);
  if (tokens.length === 0) return false;
  const inQuote = new Set(contentTokens(quote));
  return tokens.every((t) => inQuote.has(t));
}

/**
 * "True" needs the statement to be the quote's claim: all its content words in the quote, same numbers, same
 * negation. "False" needs it contradicted: the statement shares most of the quote's words but swaps
 * something in (a word or number absent from the quote, while the quote has one absent from the
 * statement), or flips a negation.
 */
function checkTrueFalse(draft: QuestionDraft, quote: string): Failure | undefined {
  const statement = statementOf(draft.prompt);
  const s = contentTokens(statement);
  const q = contentTokens(quote);
  const sSet = new Set(s);
  const qSet = new Set(q);
  const missing = s.filter((t) => !qSet.has(t));
  const extra = q.filter((t) => !sSet.has(t));
  const negationFlip = hasNegation(statement) !== hasNegation(quote);
  const overlap = s.length ? (s.length - missing.length) / s.length : 0;
  const missingNumber = numbersIn(statement).some((n) => !numbersIn(quote).includes(n));
  if (draft.answer === 'True') {
    if (negationFlip) return { reason: 'ANSWER_NOT_SUPPORTED', detail: 'the statement flips a negation' };
    if (missingNumber)
      return { reason: 'ANSWER_NOT_SUPPORTED', detail: 'a number in the statement is not in the quote' };
    // Strict on purpose: one changed word is exactly how a false statement is made.
    if (missing.length > 0) {
      return { reason: 'ANSWER_NOT_SUPPORTED', detail: `the quote does not state: ${missing.join(', ')}` };
    }
    return undefined;
  }
  if (overlap < 0.5)
    return { reason: 'ANSWER_NOT_SUPPORTED', detail: 'the statement is unrelated to the quote' };
  if (negationFlip || (missing.length > 0 && extra.length > 0) || missingNumber) return undefined;
  return {
    reason: missing.length === 0 ? 'DISTRACTOR_SUPPORTED' : 'ANSWER_NOT_SUPPORTED',
    detail: 'the quote does not contradict the statement',
  };
}

function hasNegation(text: string): boolean {
  return normalizeForMatch(text)
    .split(/[^\p{L}']+/u)
    .some((w) => NEGATIONS.has(w) || w.endsWith("n't"));
}

export interface DuplicateIndex {
  isDuplicate(draft: QuestionDraft): boolean;
  add(draft: QuestionDraft): void;
}

/** Near-duplicates: prompts with token Jaccard >= 0.8, or the same evidence with the same answer. */
export function duplicateIndex(threshold = 0.8): DuplicateIndex {
  const prompts: string[][] = [];
  const evidence = new Set<string>();
  const key = (d: QuestionDraft) =>
    `${d.evidence.chunkId}\u0000${normalizeForMatch(d.evidence.quote)}\u0000${normalizeAnswer(d.answer)}`;
  return {
    isDuplicate(draft) {
      if (evidence.has(key(draft))) return true;
      const tokens = contentTokens(draft.prompt);
      return prompts.some((p) => jaccard(p, tokens) >= threshold);
    },
    add(draft) {
      prompts.push(contentTokens(draft.prompt));
      evidence.add(key(draft));
    },
  };
}

export function rejection(draft: QuestionDraft, failure: Failure): Rejection {
  return { draft, reason: failure.reason, detail: failure.detail };
}
