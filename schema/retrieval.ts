import type { RoomEvaluation } from '../src/retrieval/eval/room-eval.ts';
import type { CaseScore } from '../src/retrieval/eval/score-cases.ts';
import { builder } from './builder.ts';

export const RetrievalCaseScoreRef = builder.objectRef<CaseScore>('RetrievalCaseScore').implement({
  description: 'How well search answered one case',
  fields: (t) => ({
    query: t.exposeString('query'),
    ndcgAt10: t.exposeFloat('ndcgAt10'),
    recallAt10: t.exposeFloat('recallAt10'),
    recallAt100: t.exposeFloat('recallAt100'),
    mrrAt10: t.exposeFloat('mrrAt10'),
    firstRelevantRank: t.exposeInt('firstRelevantRank', {
      nullable: true,
      description: '1-based rank of the first relevant chunk in the top 100; null when none is there',
    }),
    relevantChunks: t.exposeInt('relevantCount', {
      description: "How many of the room's chunks contain one of the case's quotes",
    }),
  }),
});

export const RetrievalEvaluationRef = builder.objectRef<RoomEvaluation>('RetrievalEvaluation').implement({
  description: "A room's current index scored against cases (means over the cases)",
  fields: (t) => ({
    ndcgAt10: t.exposeFloat('ndcgAt10'),
    recallAt10: t.exposeFloat('recallAt10'),
    recallAt100: t.exposeFloat('recallAt100'),
    mrrAt10: t.exposeFloat('mrrAt10'),
    cases: t.field({ type: [RetrievalCaseScoreRef], resolve: (evaluation) => evaluation.cases }),
    embedder: t.exposeString('embedder', { description: 'The embedder of the vectors searched' }),
    reranker: t.exposeString('reranker', {
      nullable: true,
      description: 'The reranking server, when RERANK_URL is set',
    }),
  }),
});
