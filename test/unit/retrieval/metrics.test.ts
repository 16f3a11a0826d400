import { describe, expect, it } from 'vitest';
import { mrrAtK, ndcgAtK, percentile, recallAtK } from '../../../src/retrieval/eval/metrics.ts';

const rel = (...ids: string[]) => new Map(ids.map((id) => [id, 1]));

describe('ranking metrics (hand-computed)', () => {
  it('nDCG@k: one relevant doc at rank 2 of 2 relevant', () => {
    // DCG = 1/log2(3) = 0.63093; IDCG = 1 + 1/log2(3) = 1.63093
    expect(ndcgAtK(['x', 'a', 'y'], rel('a', 'b'), 10)).toBeCloseTo(0.63093 / 1.63093, 5);
  });

  it('nDCG@k: perfect ranking is 1, nothing relevant is 0, cut at k', () => {
    expect(ndcgAtK(['a', 'b', 'x'], rel('a', 'b'), 10)).toBe(1);
    expect(ndcgAtK(['x', 'y'], rel('a'), 10)).toBe(0);
    expect(ndcgAtK(['x', 'a'], rel('a'), 1)).toBe(0);
  });

  it('nDCG@k uses graded gains linearly, as pytrec_eval does', () => {
    const graded = new Map([
      ['a', 2],
      ['b', 1],
    ]);
    // ranked b, a: DCG = 1 + 2/log2(3) = 2.26186; IDCG = 2 + 1/log2(3) = 2.63093
    expect(ndcgAtK(['b', 'a'], graded, 10)).toBeCloseTo(2.26186 / 2.63093, 5);
  });

  it('recall@k counts judged relevant documents found in the top k', () => {
    expect(recallAtK(['a', 'x', 'c'], rel('a', 'b', 'c', 'd'), 10)).toBe(0.5);
    expect(recallAtK(['a', 'x', 'c'], rel('a', 'b', 'c', 'd'), 2)).toBe(0.25);
    expect(recallAtK(['a'], new Map([['a', 0]]), 10)).toBe(0);
  });

  it('mrr@k is the reciprocal rank of the first relevant hit within k', () => {
    expect(mrrAtK(['x', 'y', 'a', 'b'], rel('a', 'b'), 10)).toBeCloseTo(1 / 3, 10);
    expect(mrrAtK(['x', 'y', 'a'], rel('a'), 2)).toBe(0);
  });

  it('percentile uses nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
  });
});
