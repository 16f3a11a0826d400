/**
 * `npm run eval:retrieval -- <beir-dir> [--store postgres|weaviate] [--alpha A]
 *  [--embedder local-model|local-hash[:dims]|openai|<model name>] [--cache DIR]`: indexes a BEIR dataset
 * into a throwaway room through the real Embedder and VectorStore and prints one JSON object (metrics +
 * timings) on stdout; progress goes to stderr. Model vectors are cached on disk (default
 * .data/embedding-cache; `--cache none` to recompute), so index timings of a cached run measure the store.
 * PostgreSQL: DATABASE_URL, else a scratch embedded server. Weaviate: WEAVIATE_URL (+ WEAVIATE_GRPC_PORT),
 * else a private instance of the cached binary. OpenAI: OPENAI_API_KEY, OPENAI_BASE_URL, EMBEDDING_MODEL,
 * EMBEDDING_DIMENSIONS.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { loadBeir } from '../src/retrieval/eval/beir-loader.ts';
import { evalEmbedder } from '../src/retrieval/eval/eval-embedders.ts';
import { evaluate } from '../src/retrieval/eval/run-eval.ts';
import { defaultAlphaFor } from '../src/retrieval/fusion.ts';
import type { VectorStore } from '../src/retrieval/ports.ts';
import { PostgresVectorStore, VECTOR_ENTRY_DDL } from '../src/retrieval/postgres-store.ts';
import { startWeaviate } from '../src/retrieval/weaviate-server.ts';
import { WeaviateVectorStore } from '../src/retrieval/weaviate-store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    store: { type: 'string', default: 'postgres' },
    alpha: { type: 'string' },
    embedder: { type: 'string', default: 'local-model' },
    dims: { type: 'string' },
    cache: { type: 'string', default: '.data/embedding-cache' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const dir =
  positionals[0] ?? fail('usage: eval-retrieval <beir-dir> [--store postgres|weaviate] [--alpha A]');
if (values.store !== 'postgres' && values.store !== 'weaviate') fail('--store must be postgres or weaviate');
const log = (line: string) => console.error(`[eval] ${line}`);

/** The store plus whatever we started for it, torn down at the end. */
async function makeStore(): Promise<{ store: VectorStore; cleanup: () => Promise<void> }> {
  if (values.store === 'postgres') {
    const scratch = process.env.DATABASE_URL ? undefined : await startScratchDatabase();
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? scratch!.url, max: 2 });
    await pool.query(VECTOR_ENTRY_DDL);
    const store = new PostgresVectorStore(pool);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await pool.end();
        await scratch?.stop();
      },
    };
  }
  if (process.env.WEAVIATE_URL) {
    const grpcPort = Number(process.env.WEAVIATE_GRPC_PORT ?? 50051);
    const store = new WeaviateVectorStore({ url: process.env.WEAVIATE_URL, grpcPort });
    return { store, cleanup: () => store.close() };
  }
  const dataDir = `.data/weaviate-eval-${process.pid}`;
  log('starting a private Weaviate');
  const server = await startWeaviate({ dataDir });
  const store = new WeaviateVectorStore({ url: server.url, grpcPort: server.grpcPort, timeoutSeconds: 120 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const dataset = await loadBeir(dir);
log(`${dataset.corpus.length} documents, ${dataset.queries.length} test queries`);
const spec = values.dims ? `local-hash:${values.dims}` : values.embedder!;
const embedder = await evalEmbedder(spec, { cacheDir: values.cache === 'none' ? undefined : values.cache });
const alpha = values.alpha === undefined ? defaultAlphaFor(embedder.id) : Number(values.alpha);
if (!(alpha >= 0 && alpha <= 1)) fail(`--alpha must be a number in [0, 1], got ${values.alpha}`);
const { store, cleanup } = await makeStore();
try {
  const result = await evaluate(dataset, embedder, store, { alpha, log });
  console.log(JSON.stringify({ store: store.kind, alpha, embedder: embedder.id, ...result }));
} finally {
  await cleanup();
  await embedder.close?.();
}
