/**
 * Checks a finished answer against the sources it was given: every `[n]` must name a supplied source,
 * every citation gets a quote that exists verbatim in its chunk, and every claim sentence gets a support
 * score (idf-weighted share of its content words found in the chunks it cites). `groundedness` is the
 * share of claim sentences that are supported.
 */
import type OpenAI from 'openai';
import { collapseWhitespace, normalizeWithOffsets } from '../../text/normalize.ts';
import { countMessageTokens, packContext } from './context-pack.ts';
import { sentencesOf, TermWeights, termSet } from './passages.ts';
import { countPromptTokens as countTokens } from './token-count.ts';
import type { AnswerCitation, SourceChunk } from './types.ts';

export interface SentenceSupport {
  /** The answer sentence without its markers. */
  sentence: string;
  /** Valid source indexes it cites. */
  markers: number[];
  /** 0..1: weighted share of the sentence's content words found in its cited chunks (0 when uncited). */
  score: number;
  supported: boolean;
}

export interface VerifyResult {
  /** The answer with markers that point outside the sources removed. */
  text: string;
  /** One per cited source index, ordered by index; `quote` is verbatim text of the chunk. */
  citations: AnswerCitation[];
  /** Marker numbers that name no supplied source, ascending. */
  invalidMarkers: number[];
  /** Claim sentences only (sentences with fewer than two content words or that decline to answer are not claims). */
  sentenceSupport: SentenceSupport[];
  /** Supported claim sentences / claim sentences; null when the answer makes no claim. */
  groundedness: number | null;
  sourceCount: number;
  /** The answer says the material does not cover the question and claims nothing else. */
  abstained: boolean;
}

export interface VerifyOptions {
  /** Minimum support score for a sentence to count as supported (default 0.6). */
  supportThreshold?: number;
  /** A verbatim span shorter than this many words is not a quote; the best chunk sentence is used instead. */
  minQuoteWords?: number;
}

export interface Marker {
  start: number;
  end: number;
  numbers: number[];
}

const MARKER = /\[(\d+(?:\s*(?:[,;]|[-–]|\]\s*\[)\s*\d+)*)\]/g;
const ABSTAIN =
  /\b(?:does not|doesn't|do not|don't|cannot|can't|not)\s+(?:cover|contain|mention|say|include|address|answer|know|find)|no information|not covered/i;
// Words about citing rather than about the subject.
const CITING_WORDS = new Set([
  'accord',
  'according',
  'source',
  'material',
  'document',
  'passage',
  'mention',
  'mentioned',
  'say',
  'says',
]);

/** `[1]`, `[1, 2]`, `[1][2]`, `[1-3]` (ranges up to 10 wide). */
export function parseMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const numbers: number[] = [];
    for (const part of m[1].split(/\s*(?:[,;]|\]\s*\[)\s*/)) {
      const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
      if (range) {
        const a = Number(range[1]);
        const b = Number(range[2]);
        if (b >= a && b - a <= 10) for (let k = a; k <= b; k++) numbers.push(k);
        else numbers.push(a, b);
      } else {
        numbers.push(Number(part));
      }
    }
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, numbers: [...new Set(numbers)] });
  }
  return out;
}

function rewriteMarkers(text: string, keep: (n: number) => boolean): string {
  let out = '';
  let at = 0;
  for (const m of parseMarkers(text)) {
    const kept = m.numbers.filter(keep);
    let before = text.slice(at, m.start);
    if (kept.length === 0) before = before.replace(/[ \t]+$/, '');
    out += before + (kept.length > 0 ? `[${kept.join(', ')}]` : '');
    at = m.end;
  }
  return out + text.slice(at);
}

interface Chunk {
  source: SourceChunk;
  norm: string;
  map: number[];
  terms: Set<string>;
  sentences: ReturnType<typeof sentencesOf>;
}

function originalSlice(chunk: Chunk, normStart: number, normEnd: number): string {
  return chunk.source.text.slice(chunk.map[normStart], chunk.map[normEnd - 1] + 1);
}

/** The longest run of the sentence's words found verbatim (normalised) in the chunk, as chunk text. */
function longestVerbatimSpan(sentence: string, chunk: Chunk): { quote: string; words: number } {
  const words = normalizeWithOffsets(sentence).norm.split(' ').filter(Boolean);
  let best = { start: -1, end: -1, words: 0 };
  for (let i = 0; i < words.length && words.length - i > best.words; i++) {
    let phrase = '';
    let j = i;
    for (; j < words.length; j++) {
      const next = phrase ? `${phrase} ${words[j]}` : words[j];
      if (!chunk.norm.includes(next)) {
        // "1419." in the answer, "1419," in the chunk: the word still matches without its punctuation.
        const bare = words[j].replace(/[.,;:!?)"']+$/, '');
        const withBare = phrase ? `${phrase} ${bare}` : bare;
        if (bare && bare !== words[j] && chunk.norm.includes(withBare)) {
          phrase = withBare;
          j++;
        }
        break;
      }
      phrase = next;
    }
    const n = j - i;
    if (n > best.words && phrase) {
      const at = chunk.norm.indexOf(phrase);
      best = { start: at, end: at + phrase.length, words: n };
    }
  }
  if (best.words === 0) return { quote: '', words: 0 };
  return { quote: originalSlice(chunk, best.start, best.end), words: best.words };
}

function bestChunkSentence(terms: Set<string>, chunk: Chunk, weights: TermWeights): string {
  let best = chunk.sentences[0];
  let bestScore = -1;
  for (const s of chunk.sentences) {
    const score = weights.coverage(terms, s.terms);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  if (!best) return chunk.source.text.slice(0, 200).trim();
  const needle = normalizeWithOffsets(best.text).norm;
  const at = chunk.norm.indexOf(needle);
  return at >= 0 ? originalSlice(chunk, at, at + needle.length) : best.text;
}

export function verifyAnswer(
  answer: string,
  sources: SourceChunk[],
  options: VerifyOptions = {},
): VerifyResult {
  const threshold = options.supportThreshold ?? 0.6;
  const minQuoteWords = options.minQuoteWords ?? 4;
  const isValid = (n: number) => Number.isInteger(n) && n >= 1 && n <= sources.length;

  const invalid = new Set<number>();
  for (const m of parseMarkers(answer)) for (const n of m.numbers) if (!isValid(n)) invalid.add(n);
  const text = rewriteMarkers(answer, isValid);

  const chunks: Chunk[] = sources.map((source) => {
    const sentences = sentencesOf(source.text);
    const terms = new Set<string>();
    for (const s of sentences) for (const t of s.terms) terms.add(t);
    return { source, ...normalizeWithOffsets(source.text), terms, sentences };
  });
  const weights = new TermWeights(chunks.flatMap((c) => c.sentences.map((s) => s.terms)));

  // "claim. [1] Next" would put the marker in the next sentence: move markers before the full stop.
  const attached = text.replace(
    /([.!?])((?:\s*\[[\d\s,;–-]+\])+)/g,
    (_m, stop: string, marks: string) => `${marks}${stop}`,
  );

  const best = new Map<number, { quote: string; words: number; verbatim: boolean }>();
  const sentenceSupport: SentenceSupport[] = [];
  let abstentions = 0;
  for (const s of sentencesOf(attached)) {
    const markers = [...new Set(parseMarkers(s.text).flatMap((m) => m.numbers))].filter(isValid);
    const sentence = collapseWhitespace(s.text.replace(MARKER, ' ')).replace(/\s+([.,;:!?])/g, '$1');
    const terms = termSet(sentence);
    for (const t of CITING_WORDS) terms.delete(t);
    if (markers.length === 0 && ABSTAIN.test(sentence)) {
      abstentions++;
      continue;
    }
    // A marker on a sentence too short to be a claim still cites: every marker kept in the text must
    // have its citation, or a reader sees "[1]" pointing at nothing.
    const isClaim = terms.size >= 2;
    if (!isClaim && markers.length === 0) continue;

    const cited = new Set<string>();
    for (const n of markers) {
      const chunk = chunks[n - 1];
      for (const t of chunk.terms) cited.add(t);
      const span = longestVerbatimSpan(sentence, chunk);
      const candidate =
        span.words >= minQuoteWords
          ? { quote: span.quote, words: span.words, verbatim: true }
          : { quote: bestChunkSentence(terms, chunk, weights), words: 0, verbatim: false };
      const prev = best.get(n);
      if (!prev || (candidate.verbatim && (!prev.verbatim || candidate.words > prev.words)))
        best.set(n, candidate);
    }
    if (!isClaim) continue;
    const score = markers.length === 0 ? 0 : weights.coverage(terms, cited);
    sentenceSupport.push({ sentence, markers, score, supported: score >= threshold });
  }

  const citations: AnswerCitation[] = [...best.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, q]) => {
      const s = sources[index - 1];
      return {
        index,
        chunkId: s.chunkId,
        documentId: s.documentId,
        quote: q.quote,
        pageStart: s.pageStart,
        pageEnd: s.pageEnd,
      };
    });
  const supported = sentenceSupport.filter((s) => s.supported).length;
  return {
    text,
    citations,
    invalidMarkers: [...invalid].sort((a, b) => a - b),
    sentenceSupport,
    groundedness: sentenceSupport.length === 0 ? null : supported / sentenceSupport.length,
    sourceCount: sources.length,
    abstained: sentenceSupport.length === 0 && abstentions > 0,
  };
}

/** An answer that cites nothing although sources were supplied (and does not decline) gets one repair round. */
export function needsRepair(result: VerifyResult): boolean {
  return result.sourceCount > 0 && result.citations.length === 0 && !result.abstained;
}

export const REPAIR_INSTRUCTION =
  'Your answer does not cite the sources correctly. Rewrite it so that every claim is followed by the ' +
  'number of the source that supports it, like [1], using only the numbers listed above. Remove any claim ' +
  'that no source supports. If the sources do not answer the question, say that the material in this room ' +
  'does not cover it. Reply with the rewritten answer only.';

export interface RepairInput {
  question: string;
  /** The answer that failed verification. */
  answer: string;
  /** The same numbered sources the answer was generated from. */
  sources: SourceChunk[];
  contextWindow: number;
  reservedAnswerTokens: number;
  standaloneQuery?: string;
}

/**
 * The repair round from the prompt the answer came from: its system message and final message (sources
 * and question) without the history, the failed answer, the instruction. Null when that does not fit
 * the window with room for the new answer.
 */
export function repairFromPrompt(
  prompt: OpenAI.ChatCompletionMessageParam[],
  answer: string,
  window: { contextWindow: number; reservedAnswerTokens: number },
): OpenAI.ChatCompletionMessageParam[] | null {
  const messages: OpenAI.ChatCompletionMessageParam[] = [
    prompt[0]!,
    prompt.at(-1)!,
    { role: 'assistant', content: answer },
    { role: 'user', content: REPAIR_INSTRUCTION },
  ];
  return countMessageTokens(messages) <= window.contextWindow - window.reservedAnswerTokens ? messages : null;
}

/** Messages for one repair round: the original prompt without history, the failed answer, the instruction. */
export function repairPrompt(input: RepairInput): OpenAI.ChatCompletionMessageParam[] {
  const tail = countTokens(input.answer) + countTokens(REPAIR_INSTRUCTION) + 16;
  const packed = packContext({
    question: input.question,
    standaloneQuery: input.standaloneQuery,
    history: [],
    sources: input.sources,
    contextWindow: input.contextWindow,
    reservedAnswerTokens: input.reservedAnswerTokens + tail,
  });
  return [
    ...packed.messages,
    { role: 'assistant', content: input.answer },
    { role: 'user', content: REPAIR_INSTRUCTION },
  ];
}
