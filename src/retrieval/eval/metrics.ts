/**
 * Ranking metrics as BEIR reports them (pytrec_eval semantics): linear gain nDCG, recall over the judged
 * relevant set, reciprocal rank of the first relevant hit. Relevance grades ≤ 0 count as not relevant.
 */

/** Relevance judgements of one query: document id -> grade. */
export type Judgements = Map<string, number>;

export function ndcgAtK(ranked: string[], relevant: Judgements, k: number): number {
  let dcg = 0;
  const top = ranked.slice(0, k);
  for (let i = 0; i < top.length; i++) {
    const rel = relevant.get(top[i]) ?? 0;
    if (rel > 0) dcg += rel / Math.log2(i + 2);
  }
  const ideal = [...relevant.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  let idcg = 0;
  for (let i = 0; i < ideal.length; i++) idcg += ideal[i] / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

export function recallAtK(ranked: string[], relevant: Judgements, k: number): number {
  let total = 0;
  for (const g of relevant.values()) if (g > 0) total++;
  if (total === 0) return 0;
  let found = 0;
  for (const id of ranked.slice(0, k)) if ((relevant.get(id) ?? 0) > 0) found++;
  return found / total;
}

export function mrrAtK(ranked: string[], relevant: Judgements, k: number): number {
  const top = ranked.slice(0, k);
  for (let i = 0; i < top.length; i++) if ((relevant.get(top[i]) ?? 0) > 0) return 1 / (i + 1);
  return 0;
}

/** The p-th percentile (0..100) by nearest rank, the convention latency reports use. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
