import pg from 'pg';
import type { Config } from '../config.ts';
import { LocalEmbedder } from './local-embedder.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';
import type { Embedder, VectorStore } from './ports.ts';
import { PostgresVectorStore } from './postgres-store.ts';
import { WeaviateVectorStore } from './weaviate-store.ts';

/** The configured adapters: Weaviate when WEAVIATE_URL is set, OpenAI embeddings when a model is set. */
export function createRetrieval(config: Config, databaseUrl: string) {
  const embedder: Embedder = config.EMBEDDING_MODEL
    ? new OpenAIEmbedder({
        apiKey: config.OPENAI_API_KEY ?? 'unused',
        baseURL: config.OPENAI_BASE_URL,
        model: config.EMBEDDING_MODEL,
        dimensions: config.EMBEDDING_DIMENSIONS,
      })
    : new LocalEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS });
  let pool: pg.Pool | undefined;
  let vectorStore: VectorStore;
  if (config.WEAVIATE_URL) {
    vectorStore = new WeaviateVectorStore({ url: config.WEAVIATE_URL, grpcPort: config.WEAVIATE_GRPC_PORT });
  } else {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
    vectorStore = new PostgresVectorStore(pool);
  }
  return {
    embedder,
    vectorStore,
    async close() {
      await vectorStore.close();
      await pool?.end();
    },
  };
}
