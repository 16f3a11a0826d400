import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src/retrieval/bm25.ts';
import { reciprocalRankFusion, relativeScoreFusion } from '../../../src/retrieval/fusion.ts';
import { analyze, lightStem } from '../../../src/retrieval/text-analysis.ts';

describe('text analysis', () => {
  it('lowercases, normalises, drops stopwords and light-stems', () => {
    expect(analyze('The Mitochondria are producing ＡＴＰ molecules; cells died.')).toEqual([
      'mitochondria',
      'produc',
      'atp',
      'molecule',
      'cell',
      'died', // too short to strip: "di" would collide with unrelated words
    ]);
  });

  it('stems inflections only', () => {
    expect(
      ['studies', 'classes', 'boxes', 'running', 'stopped', 'proteins', 'virus', 'analysis'].map(lightStem),
    ).toEqual(['study', 'class', 'box', 'run', 'stop', 'protein', 'virus', 'analysis']);
  });
});

describe('Bm25Index', () => {
  const docs = [
    'Insulin resistance in skeletal muscle precedes type 2 diabetes.',
    'Skeletal muscle adapts to endurance training by adding mitochondria.',
    'The French Revolution abolished feudal privileges in 1789.',
  ];
  const index = new Bm25Index();
  for (const d of docs) index.add(d);

  it('ranks the document sharing the rarest terms first', () => {
    const hits = index.search('insulin and diabetes in muscle', 10);
    expect(hits.map((h) => h.index)).toEqual([0, 1]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('matches inflected forms through the shared stemmer', () => {
    expect(index.search('revolutions', 10).map((h) => h.index)).toEqual([2]);
  });

  it('computes the Lucene BM25 score for a single-term query', () => {
    // "revolution": df 1 of N 3 -> idf = ln(1 + 2.5/1.5); tf 1 in a 6-term doc; analysed lengths 8, 7, 6
    // (stopwords "in", "to", "by", "the" removed), so avgdl = 7.
    const idf = Math.log(1 + 2.5 / 1.5);
    const norm = 1 + 0.9 * (1 - 0.4 + (0.4 * 6) / 7);
    expect(index.search('revolution', 1)[0].score).toBeCloseTo((idf * 1.9) / norm, 10);
  });

  it('honours an allow-list', () => {
    expect(index.search('skeletal muscle', 10, (i) => i !== 0).map((h) => h.index)).toEqual([1]);
  });
});

describe('fusion', () => {
  const vector = [
    { key: 'a', score: 0.9 },
    { key: 'b', score: 0.5 },
    { key: 'c', score: 0.1 },
  ];
  const lexical = [
    { key: 'c', score: 12 },
    { key: 'd', score: 6 },
    { key: 'a', score: 3 },
  ];

  it('relative-score fusion min-max normalises each list and weighs by alpha', () => {
    const fused = relativeScoreFusion(vector, lexical, 0.5, 10);
    // a: 0.5*1 + 0.5*0 = 0.5; b: 0.5*0.5 = 0.25; c: 0 + 0.5*1 = 0.5; d: 0.5*(3/9) = 0.1667
    const byKey = Object.fromEntries(fused.map((f) => [f.key, f.score]));
    expect(byKey.a).toBeCloseTo(0.5);
    expect(byKey.b).toBeCloseTo(0.25);
    expect(byKey.c).toBeCloseTo(0.5);
    expect(byKey.d).toBeCloseTo(1 / 6);
    expect(fused.map((f) => f.key).slice(2)).toEqual(['b', 'd']);
  });

  it('alpha 0 and 1 keep only one side', () => {
    expect(relativeScoreFusion(vector, lexical, 0, 10).map((f) => f.key)).toEqual(['c', 'd', 'a']);
    expect(relativeScoreFusion(vector, lexical, 1, 2).map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('RRF sums weighted reciprocal ranks', () => {
    const fused = reciprocalRankFusion(vector, lexical, 0.5, 10);
    const byKey = Object.fromEntries(fused.map((f) => [f.key, f.score]));
    expect(byKey.a).toBeCloseTo(0.5 / 61 + 0.5 / 63);
    expect(byKey.d).toBeCloseTo(0.5 / 62);
  });
});
