/**
 * Picks the chunks a quiz is drafted from: every selected document gets its share (round-robin), each
 * share is spread over the document from start to end, and chunks that are not prose (tables, number
 * soup, reference lists, formulas) are skipped because no good question comes out of them.
 */

import { wordCount } from '../../text/normalize.ts';
import { splitSentences } from '../../text/sentences.ts';
import { hashSeed, type Random, seededRandom } from './random.ts';
import type { QuizSourceChunk } from './types.ts';

export interface SampleableChunk extends QuizSourceChunk {
  /** Position of the chunk in its document. */
  ordinal: number;
}

/** A word a sentence is made of: letters (with inner apostrophes/hyphens), trailing punctuation allowed. */
const PROSE_WORD = /^["'“‘(]?\p{L}[\p{L}'’-]*[.,;:!?)"'”’]*$/u;

export interface ProseStats {
  words: number;
  /** Share of whitespace-separated tokens that are ordinary words. */
  wordShare: number;
  /** Sentences with at least 8 words that end in a full stop. */
  sentences: number;
}

export function proseStats(text: string): ProseStats {
  const tokens = text.split(/\s+/).filter(Boolean);
  const words = tokens.filter((t) => PROSE_WORD.test(t)).length;
  let sentences = 0;
  for (const line of text.split('\n')) {
    for (const span of splitSentences(line)) {
      const sentence = line.slice(span.start, span.end);
      if (/^\p{Lu}/u.test(sentence) && /[.!?]$/.test(sentence) && wordCount(sentence) >= 8) sentences++;
    }
  }
  return { words, wordShare: tokens.length ? words / tokens.length : 0, sentences };
}

export function isProse(text: string): boolean {
  const s = proseStats(text);
  return s.words >= 30 && s.wordShare >= 0.7 && s.sentences >= 1;
}

export interface SampleOptions {
  /** Same seed, same selection. */
  seed?: number | string;
}

/**
 * Up to `limit` prose chunks, interleaved across documents (document order: by id) so that a prefix of
 * the result is itself balanced. Within a document the picks are stratified over its ordinal range with
 * a seeded jitter inside each stratum.
 */
export function sampleChunks<T extends SampleableChunk>(
  chunks: readonly T[],
  limit: number,
  options: SampleOptions = {},
): T[] {
  const random = seededRandom(hashSeed('sample', options.seed ?? 0));
  const byDocument = new Map<string, T[]>();
  for (const chunk of chunks) {
    if (!isProse(chunk.text)) continue;
    const list = byDocument.get(chunk.documentId) ?? [];
    list.push(chunk);
    byDocument.set(chunk.documentId, list);
  }
  const documents = [...byDocument.keys()].sort();
  const quotas = shareOut(
    documents.map((id) => byDocument.get(id)!.length),
    Math.max(0, limit),
  );
  const picks = documents.map((id, i) => {
    const list = byDocument.get(id)!.sort((a, b) => a.ordinal - b.ordinal);
    return stratified(list, quotas[i], random);
  });
  const out: T[] = [];
  for (let round = 0; out.length < limit; round++) {
    let added = false;
    for (const list of picks) {
      if (round < list.length) {
        out.push(list[round]);
        added = true;
      }
    }
    if (!added) break;
  }
  return out.slice(0, limit);
}

/** Splits `total` as evenly as capacities allow; what a small document cannot take goes to the others. */
function shareOut(capacities: number[], total: number): number[] {
  const quotas = capacities.map(() => 0);
  let left = Math.min(
    total,
    capacities.reduce((a, b) => a + b, 0),
  );
  while (left > 0) {
    for (let i = 0; i < capacities.length && left > 0; i++) {
      if (quotas[i] < capacities[i]) {
        quotas[i]++;
        left--;
      }
    }
  }
  return quotas;
}

/** `k` items, one from each of `k` equal strata of the list, at a random place within the stratum. */
function stratified<T>(list: T[], k: number, random: Random): T[] {
  if (k >= list.length) return [...list];
  const out: T[] = [];
  for (let i = 0; i < k; i++) {
    const from = Math.floor((i * list.length) / k);
    const to = Math.floor(((i + 1) * list.length) / k);
    out.push(list[from + Math.floor(random() * Math.max(1, to - from))]);
  }
  return out;
}
