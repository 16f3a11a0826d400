/**
 * The offline answer engine: no model, the answer is the best sentences of the supplied sources, quoted
 * verbatim and cited. Sentences are ranked by idf-weighted coverage of the query's terms (idf over the
 * sentences of the supplied sources, so words every sentence shares count little), with a small bonus for
 * sentences early in their chunk and in higher-ranked chunks, then picked with MMR so the answer does not
 * say the same thing twice.
 */
import { analyze } from '../../retrieval/text-analysis.ts';
import { stripMarkers } from './context-pack.ts';
import { overlap, type Sentence, sentencesOf, TermWeights } from './passages.ts';
import type { AnswerEngine, AnswerInput, AnswerResult, SourceChunk } from './types.ts';

export const NOT_COVERED_ANSWER = 'The material in this room does not cover that.';

// Words that shape a request but say nothing about its subject.
const QUERY_NOISE = new Set(
  'tell explain describe define summarize summarise summary show give list know please mean meaning many much'.split(
    ' ',
  ),
);

export interface ExtractiveOptions {
  /** Minimum query coverage (0..1) of the best sentence for the material to count as covering the question. */
  minCoverage?: number;
  maxSentences?: number;
  /** Stop adding sentences once the answer is this long. */
  maxChars?: number;
  /** Words per streamed delta. */
  wordsPerDelta?: number;
  /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
  lambda?: number;
}

export interface RankedSentence {
  text: string;
  /** 1-based source index: the `[n]` to cite. */
  sourceIndex: number;
  coverage: number;
  relevance: number;
  terms: Set<string>;
}

interface Candidate extends RankedSentence {
  position: number;
}

function isUsable(s: Sentence): boolean {
  const words = s.text.split(' ').length;
  // Headings and captions ("Madeira Island", "Table 2") match queries well and state nothing.
  const statement = /[.!?;:)"'”’]$/.test(s.text) || words >= 8;
  return statement && words >= 4 && s.text.length <= 700;
}

/** Candidate sentences of the sources scored against the query, best first. */
export function rankSentences(query: string, sources: SourceChunk[]): RankedSentence[] {
  const queryTerms = [...new Set(analyze(query).filter((t) => !QUERY_NOISE.has(t)))];
  if (queryTerms.length === 0) return [];
  const perSource = sources.map((s) => sentencesOf(s.text));
  const weights = new TermWeights(perSource.flat().map((s) => s.terms));
  const candidates: Candidate[] = [];
  perSource.forEach((sentences, i) => {
    for (const s of sentences) {
      if (!isUsable(s)) continue;
      const coverage = weights.coverage(queryTerms, s.terms);
      if (coverage === 0) continue;
      const positionBonus = 0.04 / (1 + s.position) + 0.04 / (1 + i);
      candidates.push({
        text: s.text,
        sourceIndex: i + 1,
        coverage,
        relevance: coverage + positionBonus,
        terms: s.terms,
        position: s.position,
      });
    }
  });
  return candidates.sort((a, b) => b.relevance - a.relevance);
}

/** MMR over ranked sentences: the best one, then those relevant and unlike what is already picked. */
export function selectSentences(ranked: RankedSentence[], options: ExtractiveOptions = {}): RankedSentence[] {
  const max = options.maxSentences ?? 4;
  const maxChars = options.maxChars ?? 900;
  const lambda = options.lambda ?? 0.7;
  if (ranked.length === 0) return [];
  const best = ranked[0].relevance;
  const picked: RankedSentence[] = [ranked[0]];
  let chars = ranked[0].text.length;
  const pool = ranked.slice(1).filter((r) => r.relevance >= best * 0.45);
  while (picked.length < max && pool.length > 0 && chars < maxChars) {
    let at = -1;
    let atScore = Number.NEGATIVE_INFINITY;
    pool.forEach((r, k) => {
      const redundancy = Math.max(...picked.map((p) => overlap(p.terms, r.terms)));
      // Near-copies (overlapping chunks repeat sentences) are never worth a second line.
      if (redundancy > 0.8) return;
      const score = lambda * r.relevance - (1 - lambda) * redundancy;
      if (score > atScore) {
        atScore = score;
        at = k;
      }
    });
    if (at < 0) break;
    const [next] = pool.splice(at, 1);
    if (chars + next.text.length > maxChars && picked.length >= 2) break;
    picked.push(next);
    chars += next.text.length;
  }
  return picked;
}

/** Splits text into pieces of a few words each, whitespace kept, so the pieces join back to the text. */
export function wordDeltas(text: string, wordsPerDelta: number): string[] {
  const parts = text.match(/\S+\s*/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += wordsPerDelta) out.push(parts.slice(i, i + wordsPerDelta).join(''));
  return out;
}

/**
 * A source sentence without its own bracketed numbers (footnote marks, "[7]"-style references): left in,
 * they would read as citation markers of this answer and point at whichever source has that number.
 */
function quotable(sentence: string): string {
  return stripMarkers(sentence).trim();
}

export class ExtractiveAnswerEngine implements AnswerEngine {
  readonly name = 'offline-extractive';
  readonly model = 'extractive-v1';
  private readonly options: ExtractiveOptions;

  constructor(options: ExtractiveOptions = {}) {
    this.options = options;
  }

  /** The answer text for a query, without streaming. */
  compose(query: string, sources: SourceChunk[]): string {
    const ranked = rankSentences(query, sources);
    if (ranked.length === 0 || ranked[0].coverage < (this.options.minCoverage ?? 0.3))
      return NOT_COVERED_ANSWER;
    return selectSentences(ranked, this.options)
      .map((s) => `${quotable(s.text)} [${s.sourceIndex}]`)
      .join(' ');
  }

  async answer(input: AnswerInput): Promise<AnswerResult> {
    input.signal.throwIfAborted();
    const text = this.compose(input.standaloneQuery.trim() || input.question, input.sources);
    for (const delta of wordDeltas(text, this.options.wordsPerDelta ?? 3)) {
      // Yield between deltas so many answers stream side by side instead of one after another.
      await new Promise(setImmediate);
      input.signal.throwIfAborted();
      input.onDelta(delta);
    }
    return { text, finishReason: 'stop' };
  }
}
