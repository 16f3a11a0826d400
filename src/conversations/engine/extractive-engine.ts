/**
 * The offline answer engine: no language model, the answer is the best sentences of the supplied sources,
 * quoted verbatim and cited. Sentences are ranked by idf-weighted coverage of the query's terms (idf over
 * the sentences of the supplied sources, so words every sentence shares count little) and, with an
 * embedder, by how close each sentence's embedding is to the question's (so "which gas escapes" finds
 * "the vents release mostly neon"), with a small bonus for sentences early in their chunk and in
 * higher-ranked chunks, then picked with MMR so the answer does not say the same thing twice.
 */
import type { Embedder } from '../../retrieval/ports.ts';
import { analyze } from '../../retrieval/text-analysis.ts';
import { stripMarkers } from './context-pack.ts';
import { overlap, type Sentence, sentencesOf, TermWeights } from './passages.ts';
import { SentenceVectors } from './sentence-vectors.ts';
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
  /**
   * A further sentence joins the answer when its relevance is at least this share of the best one's: 0.45
   * ranked by terms, 0.55 by terms and meaning (half of every score is then meaning, so scores sit closer).
   */
  minRelevanceShare?: number;
  /** Ranks by meaning as well as by terms (the server's embedder); terms only without one. */
  embedder?: Embedder;
  /** Sentence vectors kept between answers; the engine makes one for its embedder. */
  sentenceVectors?: SentenceVectors;
  /** Share of a sentence's relevance that comes from meaning when an embedder is set (0.5). */
  meaningWeight?: number;
  /** Most sentences embedded per answer (40): the best by terms and the top two sources' others. */
  maxEmbedded?: number;
}

export interface RankedSentence {
  text: string;
  /** 1-based source index: the `[n]` to cite. */
  sourceIndex: number;
  coverage: number;
  /** Cosine of the sentence's and the question's embeddings, scaled from the pool's lowest (0) to best (1), cubed. */
  meaning?: number;
  relevance: number;
  terms: Set<string>;
}

interface Candidate extends RankedSentence {
  positionBonus: number;
}

function isUsable(s: Sentence): boolean {
  const words = s.text.split(' ').length;
  // Headings and captions ("Madeira Island", "Table 2") match queries well and state nothing.
  const statement = /[.!?;:)"'”’]$/.test(s.text) || words >= 8;
  return statement && words >= 4 && s.text.length <= 700;
}

function queryTermsOf(query: string): string[] {
  return [...new Set(analyze(query).filter((t) => !QUERY_NOISE.has(t)))];
}

/** Every usable sentence of the sources with its term coverage (0 included), in source order. */
function candidates(queryTerms: string[], sources: SourceChunk[]): Candidate[] {
  const perSource = sources.map((s) => sentencesOf(s.text));
  const weights = new TermWeights(perSource.flat().map((s) => s.terms));
  const out: Candidate[] = [];
  perSource.forEach((sentences, i) => {
    for (const s of sentences) {
      if (!isUsable(s)) continue;
      const coverage = weights.coverage(queryTerms, s.terms);
      const positionBonus = 0.04 / (1 + s.position) + 0.04 / (1 + i);
      out.push({
        text: s.text,
        sourceIndex: i + 1,
        coverage,
        relevance: coverage + positionBonus,
        terms: s.terms,
        positionBonus,
      });
    }
  });
  return out;
}

const byRelevance = (a: RankedSentence, b: RankedSentence) => b.relevance - a.relevance;

/** Candidate sentences of the sources scored against the query's terms, best first. */
export function rankSentences(query: string, sources: SourceChunk[]): RankedSentence[] {
  const queryTerms = queryTermsOf(query);
  if (queryTerms.length === 0) return [];
  return candidates(queryTerms, sources)
    .filter((c) => c.coverage > 0)
    .sort(byRelevance);
}

/**
 * Candidate sentences scored by terms and meaning, best first. Embedded: the best `maxEmbedded` by terms,
 * and the top two sources' sentences that share no term with the question (a paraphrase can be the answer);
 * in one batch that jumps the embedder's queue. The rest keep their term score. Without an embedder, or
 * when it fails, the ranking is by terms alone.
 */
export async function rankSentencesByMeaning(
  query: string,
  sources: SourceChunk[],
  options: ExtractiveOptions & { signal?: AbortSignal } = {},
): Promise<RankedSentence[]> {
  const { embedder } = options;
  const queryTerms = queryTermsOf(query);
  if (!embedder || queryTerms.length === 0) return rankSentences(query, sources);
  const all = candidates(queryTerms, sources).sort(byRelevance);
  const pool = all.filter((c) => c.coverage > 0 || c.sourceIndex <= 2).slice(0, options.maxEmbedded ?? 40);
  let vectors: Float32Array[];
  let queryVector: Float32Array;
  try {
    [vectors, [queryVector!]] = await Promise.all([
      (options.sentenceVectors ?? new SentenceVectors(embedder)).embed(
        pool.map((c) => c.text),
        options.signal,
      ),
      embedder.embed([query], { input: 'query', signal: options.signal }),
    ]);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return rankSentences(query, sources);
  }
  // A small model's cosines crowd together (0.6-0.8 for every sentence of a topic), so meaning is scaled
  // between the pool's least and most similar sentence and cubed: only the closest few score high, and
  // meaning reorders the answer without padding it with every sentence on the topic (padded, the answer
  // scored 0.81 instead of 0.92 on eval:answers' quote holding the fact; bench/results/answers-eval.json).
  const cosines = vectors.map((v) => cosine(v, queryVector));
  const lowest = Math.min(...cosines);
  const spread = Math.max(Math.max(...cosines) - lowest, 1e-6);
  const weight = options.meaningWeight ?? 0.5;
  pool.forEach((c, i) => {
    c.meaning = ((cosines[i]! - lowest) / spread) ** 3;
    c.relevance = (1 - weight) * c.coverage + weight * c.meaning + c.positionBonus;
  });
  const embedded = new Set(pool);
  // Sentences not embedded (past the cap) rank by terms at the same scale, so they never jump ahead.
  for (const c of all) if (!embedded.has(c)) c.relevance = (1 - weight) * c.coverage + c.positionBonus;
  return all.filter((c) => c.coverage > 0 || embedded.has(c)).sort(byRelevance);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k]! * b[k]!;
    na += a[k]! * a[k]!;
    nb += b[k]! * b[k]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** MMR over ranked sentences: the best one, then those relevant and unlike what is already picked. */
export function selectSentences(ranked: RankedSentence[], options: ExtractiveOptions = {}): RankedSentence[] {
  const max = options.maxSentences ?? 4;
  const maxChars = options.maxChars ?? 900;
  const lambda = options.lambda ?? 0.7;
  if (ranked.length === 0) return [];
  const best = ranked[0].relevance;
  const byMeaning = ranked.some((r) => r.meaning !== undefined);
  const share = options.minRelevanceShare ?? (byMeaning ? 0.55 : 0.45);
  const picked: RankedSentence[] = [ranked[0]];
  let chars = ranked[0].text.length;
  const pool = ranked.slice(1).filter((r) => r.relevance >= best * share);
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
  /** `extractive-v1` by terms alone; `extractive-v2+<embedder id>` by terms and meaning. */
  readonly model: string;
  private readonly options: ExtractiveOptions;

  constructor(options: ExtractiveOptions = {}) {
    const { embedder } = options;
    this.options = embedder ? { sentenceVectors: new SentenceVectors(embedder), ...options } : options;
    this.model = embedder ? `extractive-v2+${embedder.id}` : 'extractive-v1';
  }

  /** The answer text for a query, without streaming. */
  async compose(query: string, sources: SourceChunk[], signal?: AbortSignal): Promise<string> {
    const ranked = await rankSentencesByMeaning(query, sources, { ...this.options, signal });
    // Covered when some sentence holds enough of the question's terms: meaning reorders, it never makes
    // an unrelated page count as an answer.
    const coverage = Math.max(0, ...ranked.map((s) => s.coverage));
    if (coverage < (this.options.minCoverage ?? 0.3)) return NOT_COVERED_ANSWER;
    return selectSentences(ranked, this.options)
      .map((s) => `${quotable(s.text)} [${s.sourceIndex}]`)
      .join(' ');
  }

  async answer(input: AnswerInput): Promise<AnswerResult> {
    input.signal.throwIfAborted();
    const text = await this.compose(
      input.standaloneQuery.trim() || input.question,
      input.sources,
      input.signal,
    );
    for (const delta of wordDeltas(text, this.options.wordsPerDelta ?? 3)) {
      // Yield between deltas so many answers stream side by side instead of one after another.
      await new Promise(setImmediate);
      input.signal.throwIfAborted();
      input.onDelta(delta);
    }
    return { text, finishReason: 'stop' };
  }
}
