import { z } from 'zod';
import { authorize } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { RetrievalEvaluationRef } from '../schema/retrieval.ts';
import { RoomRef } from '../schema/room.ts';
import { EVAL_LIMITS, evaluateRoomRetrieval } from '../src/retrieval/eval/room-eval.ts';

const RetrievalCaseInput = builder.inputType('RetrievalCaseInput', {
  fields: (t) => ({
    query: t.string({
      required: true,
      validate: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
    }),
    relevantQuotes: t.stringList({
      required: true,
      description: 'Passages that answer the query; a chunk containing one of them counts as relevant',
      validate: z
        .array(
          z
            .string()
            .trim()
            .min(3, 'each quote needs at least 3 characters')
            .max(2000, 'each quote must be at most 2000 characters'),
        )
        .min(1, 'give at least one quote')
        .max(EVAL_LIMITS.quotesPerCase, `at most ${EVAL_LIMITS.quotesPerCase} quotes per case`),
    }),
  }),
});

const EvaluateRetrievalInput = builder.inputType('EvaluateRetrievalInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    // The service says how to split a larger evaluation (list-limits caps other lists at 100).
    cases: t.field({
      type: [RetrievalCaseInput],
      required: true,
      extensions: { maxItems: EVAL_LIMITS.cases },
    }),
    alpha: t.float({
      description: 'Hybrid weight as in `search` (0 = BM25 only, 1 = vector only); the default when omitted',
      validate: z.number().min(0).max(1).nullish(),
    }),
  }),
});

builder.queryFields((t) => ({
  evaluateRetrieval: t.field({
    type: RetrievalEvaluationRef,
    description:
      "Scores the room's current index (search as it answers now) against cases of a query and the " +
      `quotes that answer it: nDCG@10, recall@10/100, MRR@10; at most ${EVAL_LIMITS.cases} cases`,
    args: { input: t.arg({ type: EvaluateRetrievalInput, required: true }) },
    authScopes: authorize('evaluateRetrieval'),
    resolve: (_root, { input }, context) =>
      evaluateRoomRetrieval(context.em, context.services, {
        roomId: input.roomId.id,
        cases: input.cases,
        alpha: input.alpha ?? undefined,
      }),
  }),
}));
