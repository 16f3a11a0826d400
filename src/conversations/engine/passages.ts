/**
 * Sentence units and term weights shared by the extractive engine and citation verification, built on the
 * retrieval layer's analyser so "a term" means the same thing when ranking chunks, picking sentences and
 * checking support.
 */

import { analyze } from '../../retrieval/text-analysis.ts';
import { collapseWhitespace } from '../../text/normalize.ts';
import { splitSentences } from '../../text/sentences.ts';

export interface Sentence {
  /** Whitespace-collapsed sentence text, otherwise verbatim. */
  text: string;
  /** Distinct analysed terms (stopwords removed, light-stemmed). */
  terms: Set<string>;
  /** 0-based position of the sentence in its text. */
  position: number;
}

/**
 * Lines that belong together: cleaned ingest text keeps one paragraph, heading or list item per line, so a
 * line break ends a unit (a heading without a period never swallows the sentence under it), except where
 * the text plainly runs on: no closing punctuation before the break and a lowercase word after it.
 */
function blocksOf(text: string): string[] {
  return text.split(/\n(?![^\S\n]*\p{Ll})|(?<=[.!?:;"”’)\]][^\S\n]*)\n/u).flatMap((b) => b.split(/\n\s*\n/));
}

/** Sentences of a chunk or an answer. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of blocksOf(text)) {
    for (const span of splitSentences(line)) {
      const sentence = collapseWhitespace(line.slice(span.start, span.end));
      if (sentence === '') continue;
      out.push({ text: sentence, terms: new Set(analyze(sentence)), position: out.length });
    }
  }
  return out;
}

export function termSet(text: string): Set<string> {
  return new Set(analyze(text));
}

/**
 * Inverse document frequency over a small set of units (the sentences of the supplied sources). A term
 * found in no unit gets the highest weight: in a query it is an unmatched need, in an answer an
 * unsupported word.
 */
export class TermWeights {
  private readonly df = new Map<string, number>();
  private readonly units: number;

  constructor(units: Iterable<Set<string>>) {
    let n = 0;
    for (const terms of units) {
      n++;
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.units = n;
  }

  weight(term: string): number {
    const df = this.df.get(term) ?? 0;
    // BM25's idf, floored so a term in every unit still counts a little.
    return Math.max(0.05, Math.log(1 + (this.units - df + 0.5) / (df + 0.5)));
  }

  /** Weighted share of `needed` terms that are present in `have` (0..1; 0 when nothing is needed). */
  coverage(needed: Iterable<string>, have: Set<string>): number {
    let total = 0;
    let hit = 0;
    for (const t of needed) {
      const w = this.weight(t) * (/\d/.test(t) ? 2 : 1); // a wrong number is the costliest miss
      total += w;
      if (have.has(t)) hit += w;
    }
    return total === 0 ? 0 : hit / total;
  }
}

/** Jaccard similarity of two term sets, for MMR diversity. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
