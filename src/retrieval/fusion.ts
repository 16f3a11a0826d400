/**
 * Score fusion for hybrid search. Relative-score fusion mirrors Weaviate's `relativeScoreFusion`, so the
 * PostgreSQL and Weaviate stores rank alike: each list is min-max normalised to [0, 1], then
 * score = alpha * vector + (1 - alpha) * lexical, a document missing from a list contributing 0 there.
 * RRF is kept for comparison only: on SciFact with a hashing embedder it loses to BM25 alone
 * (DESIGN.md: 0.649 vs 0.676), because it throws away how far ahead the lexical leader is.
 */

export interface Scored<K> {
  key: K;
  score: number;
}

function normalise<K>(list: Scored<K>[]): Map<K, number> {
  const out = new Map<K, number>();
  if (list.length === 0) return out;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { score } of list) {
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const range = max - min;
  // A single result (or all equal) is the best of its list: Weaviate gives it 1 as well.
  for (const { key, score } of list) out.set(key, range > 0 ? (score - min) / range : 1);
  return out;
}

/** Relative-score fusion of a vector list and a lexical list; returns the best `limit`, highest first. */
export function relativeScoreFusion<K>(
  vector: Scored<K>[],
  lexical: Scored<K>[],
  alpha: number,
  limit: number,
): Scored<K>[] {
  const fused = new Map<K, number>();
  if (alpha > 0) {
    for (const [key, s] of normalise(vector)) fused.set(key, alpha * s);
  }
  if (alpha < 1) {
    for (const [key, s] of normalise(lexical)) fused.set(key, (fused.get(key) ?? 0) + (1 - alpha) * s);
  }
  return sortTop(fused, limit);
}

/** Reciprocal rank fusion (k = 60 as in Cormack et al.), with the same alpha weighting as Weaviate's. */
export function reciprocalRankFusion<K>(
  vector: Scored<K>[],
  lexical: Scored<K>[],
  alpha: number,
  limit: number,
  k = 60,
): Scored<K>[] {
  const fused = new Map<K, number>();
  const add = (list: Scored<K>[], weight: number) => {
    if (weight <= 0) return;
    const sorted = [...list].sort((a, b) => b.score - a.score);
    sorted.forEach(({ key }, rank) => {
      fused.set(key, (fused.get(key) ?? 0) + weight / (k + rank + 1));
    });
  };
  add(vector, alpha);
  add(lexical, 1 - alpha);
  return sortTop(fused, limit);
}

function sortTop<K>(scores: Map<K, number>, limit: number): Scored<K>[] {
  const out: Scored<K>[] = [];
  for (const [key, score] of scores) out.push({ key, score });
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, limit);
}

/**
 * Default hybrid weight (0 = lexical, 1 = vector) with the offline embedder, measured on SciFact
 * (docs/retrieval-eval.md): 0.3 → 0.686 nDCG@10, 0.4 → 0.683, 0.5 → 0.668. The hashing embedder is the
 * weaker signal, so BM25 gets the larger share.
 */
export const DEFAULT_ALPHA = 0.3;

/**
 * The alpha to use for an embedder, measured on SciFact (docs/retrieval.md, `npm run eval:fusion`): with
 * the local model bge-small-en-v1.5 relative-score fusion peaks at 0.5 (0.736 nDCG@10; 0.6 gives 0.736,
 * 0.4 0.723, vector only 0.710), above every RRF setting (best 0.723 at 0.4 and 0.8). For other neural
 * embedders 0.5 is a starting point, not a measurement.
 */
export function defaultAlphaFor(embedderId: string): number {
  return embedderId.startsWith('local-hash-') ? DEFAULT_ALPHA : 0.5;
}
