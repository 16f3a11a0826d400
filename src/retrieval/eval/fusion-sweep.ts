/**
 * Fusion settings scored in process on ranked lists computed once: BM25 (the same analyser and parameters
 * as both stores) and exact cosine per embedder, each the top `depth` (100, as the stores fuse). Every
 * alpha of relative-score fusion and reciprocal-rank fusion is then a cheap re-fusion of the same lists,
 * so a sweep costs seconds once the vectors exist. The chosen setting is re-measured through the real
 * stores with `npm run eval:retrieval`.
 */
import { Bm25Index, type Bm25Options } from '../bm25.ts';
import { reciprocalRankFusion, relativeScoreFusion, type Scored } from '../fusion.ts';
import type { BeirDataset } from './beir-loader.ts';
import { mean, ndcgAtK, recallAtK } from './metrics.ts';

export type RankedLists = Scored<number>[][];

export function bm25Lists(
  dataset: BeirDataset,
  texts: string[],
  depth: number,
  options: Bm25Options = {},
): RankedLists {
  const index = new Bm25Index(options);
  for (const text of texts) index.add(text);
  return dataset.queries.map((q) =>
    index.search(q.text, depth).map((hit) => ({ key: hit.index, score: hit.score })),
  );
}

/** Exact cosine of every query against every document (vectors are L2-normalised by the embedders). */
export function vectorLists(docs: Float32Array[], queries: Float32Array[], depth: number): RankedLists {
  return queries.map((q) => {
    const scores: Scored<number>[] = docs.map((d, key) => {
      let dot = 0;
      for (let k = 0; k < q.length; k++) dot += q[k] * d[k];
      return { key, score: dot };
    });
    scores.sort((a, b) => b.score - a.score || a.key - b.key);
    return scores.slice(0, depth);
  });
}

export interface SweepScore {
  ndcg10: number;
  recall100: number;
}

/** nDCG@10 and recall@100 of ranked document indexes against the dataset's judgements. */
export function score(dataset: BeirDataset, ranked: number[][]): SweepScore {
  const ndcg: number[] = [];
  const recall: number[] = [];
  dataset.queries.forEach((q, n) => {
    const ids = ranked[n].map((i) => dataset.corpus[i].id);
    const judged = dataset.qrels.get(q.id)!;
    ndcg.push(ndcgAtK(ids, judged, 10));
    recall.push(recallAtK(ids, judged, 100));
  });
  return { ndcg10: round(mean(ndcg)), recall100: round(mean(recall)) };
}

export type FusionMethod = 'relative-score' | 'rrf';

/** Fuses a vector list with a lexical list per query, as the stores do, and keeps the top 100. */
export function fuse(
  method: FusionMethod,
  vector: RankedLists,
  lexical: RankedLists,
  alpha: number,
): number[][] {
  const fusion = method === 'rrf' ? reciprocalRankFusion : relativeScoreFusion;
  return vector.map((v, n) => fusion(v, lexical[n], alpha, 100).map((hit) => hit.key));
}

/**
 * Two vector lists and BM25 in one relative-score fusion: weights (w1, w2) for the vectors, the rest for
 * BM25. The stores do not do this; it answers whether a second local model would be worth running.
 */
export function fuseThree(
  a: RankedLists,
  b: RankedLists,
  lexical: RankedLists,
  wa: number,
  wb: number,
): number[][] {
  return a.map((listA, n) => {
    const ab = relativeScoreFusion(listA, b[n], wa / (wa + wb), 200);
    return relativeScoreFusion(ab, lexical[n], wa + wb, 100).map((hit) => hit.key);
  });
}

/**
 * The vectors a BlendEmbedder would make from two models' vectors: concat(√wa·a, √(1−wa)·b), whose dot
 * product is the weighted sum of the two cosines.
 */
export function blendVectors(a: Float32Array[], b: Float32Array[], wa: number): Float32Array[] {
  const sa = Math.sqrt(wa);
  const sb = Math.sqrt(1 - wa);
  return a.map((va, i) => {
    const vb = b[i]!;
    const out = new Float32Array(va.length + vb.length);
    for (let k = 0; k < va.length; k++) out[k] = sa * va[k]!;
    for (let k = 0; k < vb.length; k++) out[va.length + k] = sb * vb[k]!;
    return out;
  });
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
