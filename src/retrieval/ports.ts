/**
 * The two ports retrieval hangs on. Adapters: WeaviateVectorStore / PostgresVectorStore,
 * LocalModelEmbedder / LocalEmbedder (hashing) / OpenAIEmbedder. Services depend on these interfaces only.
 */

/** One chunk as the vector store keeps it; `id` is the chunk's uuid (the Weaviate object id too). */
export interface VectorRecord {
  id: string;
  roomId: string;
  documentId: string;
  text: string;
  pageStart: number;
  pageEnd: number;
  ordinal: number;
  vector: Float32Array;
}

export interface HybridQuery {
  roomId: string;
  text: string;
  vector: Float32Array;
  /** 0 = lexical (BM25) only, 1 = vector only; scores fused by relative score (min-max). */
  alpha: number;
  limit: number;
  documentIds?: string[];
}

export interface VectorHit {
  chunkId: string;
  documentId: string;
  score: number;
}

export interface VectorStore {
  readonly kind: 'postgres' | 'weaviate';
  /** Insert or replace by id: re-upserting the same ids never duplicates. */
  upsert(roomId: string, records: VectorRecord[]): Promise<void>;
  deleteDocument(roomId: string, documentId: string): Promise<void>;
  dropRoom(roomId: string): Promise<void>;
  query(query: HybridQuery): Promise<VectorHit[]>;
  count(roomId: string, documentId?: string): Promise<number>;
  /** Throws when the store cannot be reached (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface EmbedOptions {
  signal?: AbortSignal;
  /**
   * What the texts are: stored passages (the default) or search queries. Asymmetric models embed a query
   * with an instruction (bge: "Represent this sentence for searching relevant passages: "); the others
   * ignore it.
   */
  input?: 'passage' | 'query';
}

export interface Embedder {
  /**
   * Stable identity of the vector space, e.g. `bge-small-en-v1.5-q8:384`, `local-hash-v1:4096` or
   * `openai:text-embedding-3-small:1536`.
   */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** Releases threads or connections, where the embedder holds any. */
  close?(): Promise<void>;
}

/**
 * Thrown by a VectorStore when its backend cannot be reached (down, timing out, refusing connections).
 * The message starts with `Vector store unavailable:`; callers map it to a "service unavailable" code.
 * The store stays usable: the next call reconnects.
 */
export class VectorStoreUnavailableError extends Error {
  readonly code = 'VECTOR_STORE_UNAVAILABLE';

  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Vector store unavailable: ${detail}`, options);
    this.name = 'VectorStoreUnavailableError';
  }
}

/** Finds an embedder for a vector space by its id (a room still on its previous embedder). */
export interface EmbedderResolver {
  forId(id: string): Promise<Embedder | undefined>;
}

/** What search and re-embedding need: the configured embedder, the others, and the vector store. */
export interface RetrievalAdapters {
  embedder: Embedder;
  embedders: EmbedderResolver;
  vectorStore: VectorStore;
}
