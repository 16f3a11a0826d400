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
  /** Documents whose chunks must never come back (a viewer's query leaves out editor-only documents). */
  excludeDocumentIds?: string[];
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
  /**
   * Someone is waiting for these (an answer ranking its sentences): they go ahead of bulk work such as a
   * book being ingested, as queries do. Queries are always urgent.
   */
  urgent?: boolean;
}

export interface Embedder {
  /**
   * Stable identity of the vector space, e.g. `bge-small-en-v1.5-q8:384`, `local-hash-v1:4096` or
   * `openai:text-embedding-3-small:1536`.
   */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** Starts loading now (a local model takes ~1 s), so the first search does not pay for it. */
  warmUp?(): void;
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

/**
 * A second-stage ranker (a cross-encoder behind an HTTP `/rerank` API): scores each document for the query,
 * in the documents' order, higher = more relevant. Throws when it cannot answer; the caller keeps the
 * first-stage order then.
 */
export interface Reranker {
  /** What is reranking, for logs and evaluations: e.g. `http://127.0.0.1:8080/rerank`. */
  readonly id: string;
  score(query: string, documents: string[], options?: { signal?: AbortSignal }): Promise<number[]>;
}

/**
 * What search and re-embedding need: the configured embedder, the others, the vector store, and the
 * reranking stage when one is configured (RERANK_URL).
 */
export interface RetrievalAdapters {
  embedder: Embedder;
  embedders: EmbedderResolver;
  vectorStore: VectorStore;
  reranker?: SearchReranker;
}

/**
 * The reranking stage as search uses it: the head of the hits reordered by the reranker, with its scores;
 * never throws: when the reranker fails, the hits come back as they were (and it is logged).
 */
export interface SearchReranker {
  readonly id: string;
  /** How many hits it reorders: search fetches at least this many when reranking. */
  readonly candidates: number;
  rerank<T extends { score: number }>(query: string, hits: T[], textOf: (hit: T) => string): Promise<T[]>;
}
