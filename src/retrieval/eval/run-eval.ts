/**
 * Scores a VectorStore + Embedder pair on a BEIR dataset the way the product uses them: documents go in
 * through `embed` + `upsert` into a throwaway room, every test query through `embed` + `query`.
 */
import { randomUUID } from 'node:crypto';
import type { Embedder, VectorRecord, VectorStore } from '../ports.ts';
import { type BeirDataset, documentText } from './beir-loader.ts';
import { percentile } from './metrics.ts';
import { type CaseScore, scoreCase, summarizeCases } from './score-cases.ts';

export interface EvalResult {
  'ndcg@10': number;
  'recall@10': number;
  'recall@100': number;
  'mrr@10': number;
  docs: number;
  queries: number;
  index_docs_per_s: number;
  /** The first query after indexing, reported apart: it may build caches (PostgreSQL store). */
  cold_query_ms: number;
  query_p50_ms: number;
  query_p99_ms: number;
  /** Embedding the query text, which a search pays on top of the store query (cached runs: a lookup). */
  embed_query_p50_ms: number;
  embed_query_p99_ms: number;
}

export interface EvalOptions {
  alpha: number;
  batchSize?: number;
  /** Progress lines go here (stderr in the CLI), so stdout stays one JSON object. */
  log?: (line: string) => void;
}

export async function evaluate(
  dataset: BeirDataset,
  embedder: Embedder,
  store: VectorStore,
  options: EvalOptions,
): Promise<EvalResult> {
  const log = options.log ?? (() => {});
  const batch = options.batchSize ?? 1000;
  const roomId = randomUUID();
  // Store ids must be UUIDs; BEIR ids are not, so map both ways.
  const beirIdOf = new Map<string, string>();
  const started = performance.now();
  try {
    for (let i = 0; i < dataset.corpus.length; i += batch) {
      const docs = dataset.corpus.slice(i, i + batch);
      const vectors = await embedder.embed(docs.map(documentText));
      const records = docs.map((doc, k): VectorRecord => {
        const id = randomUUID();
        beirIdOf.set(id, doc.id);
        return {
          id,
          roomId,
          documentId: id,
          text: documentText(doc),
          pageStart: 1,
          pageEnd: 1,
          ordinal: 0,
          vector: vectors[k],
        };
      });
      await store.upsert(roomId, records);
      if ((i / batch) % 5 === 0) log(`indexed ${i + docs.length}/${dataset.corpus.length}`);
    }
    const indexSeconds = (performance.now() - started) / 1000;

    const scored: CaseScore[] = [];
    const latencies: number[] = [];
    const embedLatencies: number[] = [];
    let cold = 0;
    for (const [n, q] of dataset.queries.entries()) {
      const t0 = performance.now();
      const [vector] = await embedder.embed([q.text], { input: 'query' });
      const t1 = performance.now();
      const hits = await store.query({ roomId, text: q.text, vector, alpha: options.alpha, limit: 100 });
      const t2 = performance.now();
      if (n === 0) cold = t2 - t1;
      else latencies.push(t2 - t1);
      embedLatencies.push(t1 - t0);
      scored.push(
        scoreCase({
          query: q.text,
          ranked: hits.map((h) => beirIdOf.get(h.chunkId) ?? h.chunkId),
          relevant: dataset.qrels.get(q.id)!,
        }),
      );
    }
    const summary = summarizeCases(scored);
    const round = (x: number, d = 4) => Number(x.toFixed(d));
    return {
      'ndcg@10': summary.ndcgAt10,
      'recall@10': summary.recallAt10,
      'recall@100': summary.recallAt100,
      'mrr@10': summary.mrrAt10,
      docs: dataset.corpus.length,
      queries: dataset.queries.length,
      index_docs_per_s: round(dataset.corpus.length / indexSeconds, 0),
      cold_query_ms: round(cold, 1),
      query_p50_ms: round(percentile(latencies, 50), 2),
      query_p99_ms: round(percentile(latencies, 99), 2),
      embed_query_p50_ms: round(percentile(embedLatencies, 50), 2),
      embed_query_p99_ms: round(percentile(embedLatencies, 99), 2),
    };
  } finally {
    await store
      .dropRoom(roomId)
      .catch((err: Error) => log(`could not drop eval room ${roomId}: ${err.message}`));
  }
}
