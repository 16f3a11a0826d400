import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { Embedders } from './embedders.ts';
import type { VectorStore } from './ports.ts';
import { PostgresVectorStore } from './postgres-store.ts';
import { HttpReranker, RerankStage } from './rerank.ts';
import { WeaviateVectorStore } from './weaviate-store.ts';

/**
 * The configured adapters: Weaviate when WEAVIATE_URL is set, else the PostgreSQL store; the embedder
 * EMBEDDER names (the local model by default, see Embedders for the fallback); a reranking stage when
 * RERANK_URL is set.
 */
export async function createRetrieval(config: Config, databaseUrl: string, logger: Logger) {
  const embedders = await Embedders.create(config);
  const { store: vectorStore, close: closeStore } = openVectorStore(config, databaseUrl);
  const reranker = config.RERANK_URL
    ? new RerankStage(
        new HttpReranker({
          url: config.RERANK_URL,
          apiKey: config.RERANK_API_KEY,
          model: config.RERANK_MODEL,
          timeoutMs: config.RERANK_TIMEOUT_MS,
        }),
        { candidates: config.RERANK_CANDIDATES, logger },
      )
    : undefined;
  return {
    embedder: embedders.active,
    embedders,
    vectorStore,
    reranker,
    async close() {
      await closeStore();
      await embedders.close();
    },
  };
}

/** The configured vector store alone (tools that write vectors without embedding: restore). */
export function openVectorStore(
  config: Pick<Config, 'WEAVIATE_URL' | 'WEAVIATE_GRPC_PORT'>,
  databaseUrl: string,
): { store: VectorStore; close(): Promise<void> } {
  if (config.WEAVIATE_URL) {
    const store = new WeaviateVectorStore({ url: config.WEAVIATE_URL, grpcPort: config.WEAVIATE_GRPC_PORT });
    return { store, close: () => store.close() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  const store = new PostgresVectorStore(pool);
  return {
    store,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
