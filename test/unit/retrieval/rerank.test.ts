import { describe, expect, it } from 'vitest';
import { parseScores, rerankEndpoint } from '../../../src/retrieval/rerank.ts';

describe('the /rerank client', () => {
  it('adds /rerank to a server URL and keeps an endpoint that has it', () => {
    expect(rerankEndpoint('http://tei:8080').href).toBe('http://tei:8080/rerank');
    expect(rerankEndpoint('http://infinity:7997/v1/').href).toBe('http://infinity:7997/v1/rerank');
    expect(rerankEndpoint('https://api.jina.ai/v1/rerank').href).toBe('https://api.jina.ai/v1/rerank');
  });

  it('reads both answer shapes into document order; documents left out go last', () => {
    expect(
      parseScores(
        [
          { index: 1, score: 0.9 },
          { index: 0, score: 0.2 },
        ],
        2,
      ),
    ).toEqual([0.2, 0.9]);
    expect(parseScores({ results: [{ index: 2, relevance_score: 3 }] }, 3)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      3,
    ]);
  });

  it('refuses answers it cannot trust', () => {
    expect(() => parseScores({ data: [] }, 2)).toThrow(/neither/);
    expect(() => parseScores([{ index: 2, score: 1 }], 2)).toThrow(/document 2 of 2/);
    expect(() => parseScores([{ index: 0, score: 'high' }], 2)).toThrow(/score "high"/);
    expect(() => parseScores([], 2)).toThrow(/no document/);
  });
});
