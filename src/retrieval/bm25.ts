/**
 * A pure in-memory BM25 index (Lucene's idf, k1 0.9 / b 0.4 as in Anserini's BEIR baseline). The
 * PostgreSQL store keeps one per room in process memory; the eval uses it as the lexical reference.
 * Postings are flat typed arrays per term so a 5k-chunk room answers a query in well under a millisecond.
 */
import { analyze } from './text-analysis.ts';

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface ScoredIndex {
  /** Position of the document in insertion order. */
  index: number;
  score: number;
}

interface Postings {
  docs: number[];
  tfs: number[];
}

export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 0.9;
    this.b = options.b ?? 0.4;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a document and returns its index. Removal is by rebuilding: rooms change rarely, queries often. */
  add(text: string): number {
    return this.addTerms(analyze(text));
  }

  addTerms(terms: string[]): number {
    const doc = this.lengths.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, count] of tf) {
      let p = this.postings.get(term);
      if (!p) {
        p = { docs: [], tfs: [] };
        this.postings.set(term, p);
      }
      p.docs.push(doc);
      p.tfs.push(count);
    }
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    return doc;
  }

  /** Scores every matching document; `allowed` (by index) restricts to a subset, e.g. a document filter. */
  scoreAll(query: string, allowed?: (index: number) => boolean): Map<number, number> {
    const scores = new Map<number, number>();
    const n = this.lengths.length;
    if (n === 0) return scores;
    const avgdl = this.totalLength / n || 1;
    // A repeated query term counts once per occurrence, as in Lucene's BooleanQuery of term clauses.
    for (const term of analyze(query)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const df = p.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const doc = p.docs[i];
        if (allowed && !allowed(doc)) continue;
        const tf = p.tfs[i];
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / avgdl);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / norm);
      }
    }
    return scores;
  }

  search(query: string, limit: number, allowed?: (index: number) => boolean): ScoredIndex[] {
    return topK(this.scoreAll(query, allowed), limit);
  }
}

/** The `limit` best entries of a score map, highest first; ties broken by lower index for stability. */
export function topK(scores: Map<number, number>, limit: number): ScoredIndex[] {
  const all: ScoredIndex[] = [];
  for (const [index, score] of scores) all.push({ index, score });
  all.sort((a, b) => b.score - a.score || a.index - b.index);
  return all.slice(0, limit);
}
