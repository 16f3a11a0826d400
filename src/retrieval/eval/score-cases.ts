/**
 * The one scoring of retrieval cases, shared by `npm run eval:retrieval` (BEIR qrels over a throwaway
 * room) and the `evaluateRetrieval` API (quotes over a real room): each case is a query, the ids its
 * search returned in rank order, and the graded set of relevant ids. Metrics as BEIR reports them
 * (metrics.ts); the summary is the plain mean over cases.
 */
import { type Judgements, mean, mrrAtK, ndcgAtK, recallAtK } from './metrics.ts';

export interface RankedCase {
  query: string;
  /** Ids in the order the search returned them (at least 100 deep for recall@100). */
  ranked: string[];
  relevant: Judgements;
}

export interface CaseScore {
  query: string;
  ndcgAt10: number;
  recallAt10: number;
  recallAt100: number;
  mrrAt10: number;
  /** 1-based rank of the first relevant id in `ranked`, or null when none was returned. */
  firstRelevantRank: number | null;
  /** How many ids count as relevant for this case. */
  relevantCount: number;
}

export interface CasesSummary {
  ndcgAt10: number;
  recallAt10: number;
  recallAt100: number;
  mrrAt10: number;
  cases: CaseScore[];
}

export function scoreCase({ query, ranked, relevant }: RankedCase): CaseScore {
  const first = ranked.findIndex((id) => (relevant.get(id) ?? 0) > 0);
  let relevantCount = 0;
  for (const grade of relevant.values()) if (grade > 0) relevantCount++;
  return {
    query,
    ndcgAt10: ndcgAtK(ranked, relevant, 10),
    recallAt10: recallAtK(ranked, relevant, 10),
    recallAt100: recallAtK(ranked, relevant, 100),
    mrrAt10: mrrAtK(ranked, relevant, 10),
    firstRelevantRank: first < 0 ? null : first + 1,
    relevantCount,
  };
}

/** Means over the cases, and each case, rounded to 4 decimals (means of the unrounded values). */
export function summarizeCases(cases: CaseScore[]): CasesSummary {
  const avg = (pick: (c: CaseScore) => number) => round(mean(cases.map(pick)));
  return {
    ndcgAt10: avg((c) => c.ndcgAt10),
    recallAt10: avg((c) => c.recallAt10),
    recallAt100: avg((c) => c.recallAt100),
    mrrAt10: avg((c) => c.mrrAt10),
    cases: cases.map((c) => ({
      ...c,
      ndcgAt10: round(c.ndcgAt10),
      recallAt10: round(c.recallAt10),
      recallAt100: round(c.recallAt100),
      mrrAt10: round(c.mrrAt10),
    })),
  };
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
