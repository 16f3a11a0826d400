/**
 * VectorStore over Weaviate (weaviate-client v3). One multi-tenant collection, tenant = room: a room's data
 * is physically separate (its own shard), so isolation does not hang on a filter, and dropping a room is
 * one tenant removal. Vectors are ours (vectorizer none); object UUID = chunk id, so a re-upsert replaces.
 */
import weaviate, { type Collection, Filters, type FilterValue, type WeaviateClient } from 'weaviate-client';
import type { HybridQuery, VectorHit, VectorRecord, VectorStore } from './ports.ts';
import { VectorStoreUnavailableError } from './ports.ts';
import { analyze } from './text-analysis.ts';

export interface WeaviateVectorStoreOptions {
  /** HTTP endpoint, e.g. http://127.0.0.1:8080. */
  url: string;
  /** gRPC port on the same host (queries and batch import use gRPC); 50051 by default. */
  grpcPort?: number;
  apiKey?: string;
  collection?: string;
  /**
   * Most objects per gRPC batch request (1,000). Requests are also cut at ~16 MiB (≈ 1,000 objects at
   * 4,096-d), far below Weaviate's 100 MB limit. Large batches matter: on SciFact abstracts, 50 objects
   * per request imported at 84 docs/s, 200 at 259, 1,000 at 420 (the server's per-batch indexing cost).
   */
  batchSize?: number;
  /** Per-request timeout in seconds for queries (inserts get four times as long). */
  timeoutSeconds?: number;
}

// A type alias (not an interface) so it satisfies the client's `Properties` index-signature constraint.
type ChunkProps = {
  text: string;
  terms: string;
  documentId: string;
  pageStart: number;
  pageEnd: number;
  ordinal: number;
};

// Errors that mean "this tenant has no data yet" rather than a fault: reading an empty room is normal.
const NO_TENANT = /tenant not found|has no tenant|tenant .* (?:does not exist|not found)|no tenant found/i;

export class WeaviateVectorStore implements VectorStore {
  readonly kind = 'weaviate' as const;
  private readonly url: URL;
  private readonly options: WeaviateVectorStoreOptions;
  private readonly collectionName: string;
  private suspect = false;
  private connecting?: Promise<{ client: WeaviateClient; collection: Collection<ChunkProps> }>;

  constructor(options: WeaviateVectorStoreOptions) {
    this.options = options;
    this.url = new URL(options.url);
    this.collectionName = options.collection ?? 'StudyChunk';
  }

  async upsert(roomId: string, records: VectorRecord[]): Promise<void> {
    for (const r of records) {
      if (r.roomId !== roomId) throw new Error(`record ${r.id} belongs to room ${r.roomId}, not ${roomId}`);
    }
    const maxObjects = this.options.batchSize ?? 1000;
    const maxBytes = 16 * 1024 * 1024;
    await this.run(async (c) => {
      const tenant = c.withTenant(roomId);
      for (let i = 0; i < records.length; ) {
        let bytes = 0;
        let end = i;
        while (end < records.length && end - i < maxObjects && (end === i || bytes < maxBytes)) {
          bytes += records[end].vector.byteLength + records[end].text.length * 3;
          end++;
        }
        const slice = records.slice(i, end).map((r) => ({
          id: r.id,
          vectors: Array.from(r.vector),
          properties: {
            text: r.text,
            terms: analyze(r.text).join(' '),
            documentId: r.documentId,
            pageStart: r.pageStart,
            pageEnd: r.pageEnd,
            ordinal: r.ordinal,
          },
        }));
        const res = await tenant.data.insertMany(slice);
        if (res.hasErrors) {
          const first = Object.values(res.errors)[0];
          throw new Error(`Weaviate rejected ${Object.keys(res.errors).length} objects: ${first?.message}`);
        }
        i = end;
      }
    });
  }

  async deleteDocument(roomId: string, documentId: string): Promise<void> {
    await this.run(async (c) => {
      try {
        await c.withTenant(roomId).data.deleteMany(c.filter.byProperty('documentId').equal(documentId));
      } catch (err) {
        if (!NO_TENANT.test(String(err))) throw err;
      }
    });
  }

  async dropRoom(roomId: string): Promise<void> {
    await this.run((c) => c.tenants.remove(roomId));
  }

  async query(q: HybridQuery): Promise<VectorHit[]> {
    if (q.documentIds?.length === 0) return [];
    return this.run(async (c) => {
      const conditions: FilterValue[] = [];
      if (q.documentIds) conditions.push(c.filter.byProperty('documentId').containsAny(q.documentIds));
      if (q.excludeDocumentIds?.length)
        conditions.push(c.filter.byProperty('documentId').containsNone(q.excludeDocumentIds));
      const filters = conditions.length > 1 ? Filters.and(...conditions) : conditions[0];
      // BM25 runs over our analysed terms (see ensureCollection), so the query is analysed the same way.
      const terms = analyze(q.text).join(' ');
      // An all-stopword or empty question has no BM25 side; keep the vector side instead of failing.
      const alpha = terms === '' ? 1 : q.alpha;
      try {
        const res = await c.withTenant(q.roomId).query.hybrid(terms, {
          alpha,
          queryProperties: ['terms'],
          vector: Array.from(q.vector),
          fusionType: 'RelativeScore',
          limit: q.limit,
          filters,
          returnMetadata: ['score'],
          returnProperties: ['documentId'],
        });
        return res.objects.map((o) => ({
          chunkId: o.uuid,
          documentId: o.properties.documentId,
          score: o.metadata?.score ?? 0,
        }));
      } catch (err) {
        if (NO_TENANT.test(String(err))) return [];
        throw err;
      }
    });
  }

  async count(roomId: string, documentId?: string): Promise<number> {
    return this.run(async (c) => {
      try {
        const res = await c.withTenant(roomId).aggregate.overAll({
          filters: documentId ? c.filter.byProperty('documentId').equal(documentId) : undefined,
        });
        return res.totalCount;
      } catch (err) {
        if (NO_TENANT.test(String(err))) return 0;
        throw err;
      }
    });
  }

  /** Plain HTTP readiness probe with a short timeout: independent of the client's connection state. */
  async ping(): Promise<void> {
    try {
      const res = await fetch(new URL('/v1/.well-known/ready', this.url), {
        signal: AbortSignal.timeout(2000),
      });
      if (!res.ok) throw new Error(`ready probe answered HTTP ${res.status}`);
    } catch (err) {
      throw new VectorStoreUnavailableError(`Weaviate at ${this.url.origin}: ${errorText(err)}`, {
        cause: err,
      });
    }
  }

  async close(): Promise<void> {
    const pending = this.connecting;
    this.connecting = undefined;
    if (pending) await pending.then((s) => s.client.close()).catch(() => {});
  }

  /**
   * Runs an operation on a lazily connected client. On failure it probes readiness: if Weaviate is not
   * reachable the client is dropped (the next call reconnects, so a restarted server is picked up) and
   * the error becomes a VectorStoreUnavailableError; otherwise it is a genuine request error, rethrown.
   * The client retries UNAVAILABLE gRPC calls itself with backoff for several seconds, so a request
   * that has not answered within a second also probes readiness and fails fast if the server is gone;
   * after an outage every call probes first until one succeeds.
   */
  private async run<T>(op: (c: Collection<ChunkProps>) => Promise<T>): Promise<T> {
    let watchdog: NodeJS.Timeout | undefined;
    try {
      if (this.suspect) await this.ping();
      const { collection } = await this.connect();
      const pending = op(collection);
      pending.catch(() => {}); // may lose the race below; its late rejection is expected
      const gone = new Promise<never>((_, reject) => {
        watchdog = setTimeout(() => this.ping().catch(reject), 1000);
      });
      const result = await Promise.race([pending, gone]);
      this.suspect = false;
      return result;
    } catch (err) {
      if (err instanceof VectorStoreUnavailableError) {
        this.suspect = true;
        await this.close();
        throw err;
      }
      let reachable = true;
      try {
        await this.ping();
      } catch {
        reachable = false;
      }
      if (!reachable || /UNAVAILABLE|ECONNREFUSED|ECONNRESET|fetch failed/i.test(errorText(err))) {
        this.suspect = true;
        await this.close();
        throw new VectorStoreUnavailableError(`Weaviate at ${this.url.origin}: ${errorText(err)}`, {
          cause: err,
        });
      }
      throw err;
    } finally {
      clearTimeout(watchdog);
    }
  }

  private connect(): Promise<{ client: WeaviateClient; collection: Collection<ChunkProps> }> {
    if (!this.connecting) {
      const attempt = this.open();
      this.connecting = attempt;
      // A failed connect must not be cached, or the store would stay broken after Weaviate comes back.
      attempt.catch(() => {
        if (this.connecting === attempt) this.connecting = undefined;
      });
    }
    return this.connecting;
  }

  private async open(): Promise<{ client: WeaviateClient; collection: Collection<ChunkProps> }> {
    const secure = this.url.protocol === 'https:';
    const host = this.url.hostname;
    const timeout = this.options.timeoutSeconds ?? 30;
    const client = await weaviate.connectToCustom({
      httpHost: host,
      httpPort: Number(this.url.port || (secure ? 443 : 80)),
      httpSecure: secure,
      grpcHost: host,
      grpcPort: this.options.grpcPort ?? 50051,
      grpcSecure: secure,
      authCredentials: this.options.apiKey ? new weaviate.ApiKey(this.options.apiKey) : undefined,
      timeout: { init: 5, query: timeout, insert: timeout * 4 },
    });
    try {
      await this.ensureCollection(client);
    } catch (err) {
      await client.close().catch(() => {});
      throw err;
    }
    return { client, collection: client.collections.use<string, ChunkProps>(this.collectionName) };
  }

  private async ensureCollection(client: WeaviateClient): Promise<void> {
    if (await client.collections.exists(this.collectionName)) return;
    const { configure } = weaviate;
    const dataType = weaviate.configure.dataType;
    try {
      await client.collections.create({
        name: this.collectionName,
        // Rooms are small (thousands of chunks): a flat index is exact and builds instantly, where HNSW
        // would spend memory and import time per tenant for no gain at this size.
        vectorizers: configure.vectors.selfProvided({ vectorIndexConfig: configure.vectorIndex.flat() }),
        multiTenancy: configure.multiTenancy({
          enabled: true,
          autoTenantCreation: true,
          autoTenantActivation: true,
        }),
        // Same BM25 parameters as the PostgreSQL store (Anserini's BEIR setting); stopwords are already gone.
        invertedIndex: configure.invertedIndex({ bm25k1: 0.9, bm25b: 0.4, stopwordsPreset: 'none' }),
        properties: [
          // BM25 indexes `terms`: the text through the same analyser as the PostgreSQL store (stopwords,
          // light stemming; Weaviate has no stemmer), so both stores rank alike: +0.008 nDCG@10 on SciFact
          // for BM25 alone. `text` is kept for inspection and is not indexed.
          { name: 'text', dataType: dataType.TEXT, indexSearchable: false, indexFilterable: false },
          { name: 'terms', dataType: dataType.TEXT, tokenization: 'whitespace', indexFilterable: false },
          { name: 'documentId', dataType: dataType.TEXT, tokenization: 'field', indexSearchable: false },
          { name: 'pageStart', dataType: dataType.INT, indexSearchable: false },
          { name: 'pageEnd', dataType: dataType.INT, indexSearchable: false },
          { name: 'ordinal', dataType: dataType.INT, indexSearchable: false },
        ],
      });
    } catch (err) {
      // Another process (a second API replica) may have created it between our check and our create.
      if (!/already exists/i.test(errorText(err))) throw err;
    }
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
