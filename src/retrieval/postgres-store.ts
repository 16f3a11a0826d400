/**
 * VectorStore over plain PostgreSQL (no pgvector: embedded PostgreSQL ships without extensions).
 *
 * PostgreSQL is the source of truth; ranking happens in process. Each room's rows are loaded once into a
 * RoomIndex (a BM25 index + a dense vector matrix) and reused until the room's version changes. Every write
 * bumps `vector_room.version` from a global sequence in the same statement, and every query reads it (one
 * primary-key lookup), so several API processes stay consistent without notifications. Why not SQL-side
 * ranking: ts_rank reaches only ~0.569 nDCG@10 on SciFact, and exact cosine over bytea in SQL is slow.
 * Memory: a cached room costs ~4·dims bytes per chunk (16 KiB at 4,096-d, ~85 MB for 5k chunks) plus
 * postings; an LRU bounded by `cacheBytes` evicts whole rooms.
 */
import type { HybridQuery, VectorHit, VectorRecord, VectorStore } from './ports.ts';
import { VectorStoreUnavailableError } from './ports.ts';
import { RoomIndex } from './room-index.ts';

/** Idempotent DDL; the spine applies it in a migration. Vectors are little-endian float32, packed. */
export const VECTOR_ENTRY_DDL = `
CREATE TABLE IF NOT EXISTS vector_entry (
  room_id uuid NOT NULL,
  chunk_id uuid NOT NULL,
  document_id uuid NOT NULL,
  text text NOT NULL,
  page_start integer NOT NULL,
  page_end integer NOT NULL,
  ordinal integer NOT NULL,
  vector bytea NOT NULL,
  PRIMARY KEY (room_id, chunk_id)
);
CREATE INDEX IF NOT EXISTS vector_entry_room_document_idx ON vector_entry (room_id, document_id);
CREATE SEQUENCE IF NOT EXISTS vector_room_version_seq;
CREATE TABLE IF NOT EXISTS vector_room (
  room_id uuid PRIMARY KEY,
  version bigint NOT NULL
);
`;

/** The slice of pg.Pool this store uses, so a Pool, a Client or a test double all fit. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface PostgresVectorStoreOptions {
  /** Upper bound for cached room indexes, in bytes (vectors + an estimate for postings). 512 MiB default. */
  cacheBytes?: number;
}

// Weaviate fuses the top max(100, limit) of each side; the same depth keeps both stores' scores alike.
const SUBSEARCH_DEPTH = 100;
const INSERT_SLICE = 500;
const LOAD_PAGE = 1000;

// Bumps the room version atomically with the change it describes (a data-modifying CTE always runs).
const BUMP = `INSERT INTO vector_room (room_id, version) VALUES ($1, nextval('vector_room_version_seq'))
  ON CONFLICT (room_id) DO UPDATE SET version = excluded.version`;

export class PostgresVectorStore implements VectorStore {
  readonly kind = 'postgres' as const;
  private readonly db: Queryable;
  private readonly cacheBytes: number;
  private readonly cache = new Map<string, RoomIndex>();
  private readonly loading = new Map<string, Promise<RoomIndex>>();

  constructor(db: Queryable, options: PostgresVectorStoreOptions = {}) {
    this.db = db;
    this.cacheBytes = options.cacheBytes ?? 512 * 1024 * 1024;
  }

  async upsert(roomId: string, records: VectorRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += INSERT_SLICE) {
      const slice = records.slice(i, i + INSERT_SLICE);
      const params: unknown[] = [roomId];
      const values = slice.map((r) => {
        if (r.roomId !== roomId) throw new Error(`record ${r.id} belongs to room ${r.roomId}, not ${roomId}`);
        const at = params.length;
        params.push(r.id, r.documentId, r.text, r.pageStart, r.pageEnd, r.ordinal, packVector(r.vector));
        return `($1, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`;
      });
      await this.run(
        `WITH upserted AS (
           INSERT INTO vector_entry (room_id, chunk_id, document_id, text, page_start, page_end, ordinal, vector)
           VALUES ${values.join(', ')}
           ON CONFLICT (room_id, chunk_id) DO UPDATE SET document_id = excluded.document_id,
             text = excluded.text, page_start = excluded.page_start, page_end = excluded.page_end,
             ordinal = excluded.ordinal, vector = excluded.vector
           RETURNING 1)
         ${BUMP}`,
        params,
      );
    }
  }

  async deleteDocument(roomId: string, documentId: string): Promise<void> {
    await this.run(
      `WITH deleted AS (DELETE FROM vector_entry WHERE room_id = $1 AND document_id = $2 RETURNING 1) ${BUMP}`,
      [roomId, documentId],
    );
  }

  async dropRoom(roomId: string): Promise<void> {
    await this.run(
      `WITH deleted AS (DELETE FROM vector_entry WHERE room_id = $1 RETURNING 1)
       DELETE FROM vector_room WHERE room_id = $1`,
      [roomId],
    );
    this.cache.delete(roomId);
  }

  async query(q: HybridQuery): Promise<VectorHit[]> {
    if (q.documentIds?.length === 0) return [];
    const index = await this.roomIndex(q.roomId);
    if (!index) return [];
    return index.search(q, Math.max(SUBSEARCH_DEPTH, q.limit));
  }

  async count(roomId: string, documentId?: string): Promise<number> {
    const rows = documentId
      ? await this.run<{ n: string }>(
          'SELECT count(*) AS n FROM vector_entry WHERE room_id = $1 AND document_id = $2',
          [roomId, documentId],
        )
      : await this.run<{ n: string }>('SELECT count(*) AS n FROM vector_entry WHERE room_id = $1', [roomId]);
    return Number(rows[0].n);
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error('no answer within 2 s')), 2000);
    });
    try {
      await Promise.race([this.run('SELECT 1'), timeout]);
    } catch (err) {
      if (err instanceof VectorStoreUnavailableError) throw err;
      throw new VectorStoreUnavailableError(`PostgreSQL: ${(err as Error).message}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the cache only: the pool belongs to the caller, who ends it. */
  async close(): Promise<void> {
    this.cache.clear();
  }

  /** The current index of a room, rebuilt when its version moved; undefined for an empty/unknown room. */
  private async roomIndex(roomId: string): Promise<RoomIndex | undefined> {
    const rows = await this.run<{ version: string }>('SELECT version FROM vector_room WHERE room_id = $1', [
      roomId,
    ]);
    if (rows.length === 0) {
      this.cache.delete(roomId);
      return undefined;
    }
    const version = rows[0].version;
    const cached = this.cache.get(roomId);
    if (cached?.version === version) {
      this.cache.delete(roomId); // re-insert: Map order is the LRU order
      this.cache.set(roomId, cached);
      return cached;
    }
    // Concurrent queries on a stale room share one rebuild.
    const key = `${roomId}@${version}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(roomId, version).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async load(roomId: string, version: string): Promise<RoomIndex> {
    const index = new RoomIndex(version);
    // Paged by key so a large room never materialises as one giant result (bytea arrives hex-encoded).
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await this.run<{ chunk_id: string; document_id: string; text: string; vector: Buffer }>(
        `SELECT chunk_id, document_id, text, vector FROM vector_entry
          WHERE room_id = $1 AND chunk_id > $2 ORDER BY chunk_id LIMIT ${LOAD_PAGE}`,
        [roomId, after],
      );
      for (const row of page) index.add(row.chunk_id, row.document_id, row.text, row.vector);
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1].chunk_id;
    }
    index.seal();
    this.cache.delete(roomId);
    this.cache.set(roomId, index);
    let total = 0;
    for (const entry of this.cache.values()) total += entry.bytes;
    for (const [id, entry] of this.cache) {
      if (total <= this.cacheBytes || id === roomId) break;
      this.cache.delete(id);
      total -= entry.bytes;
    }
    return index;
  }

  private async run<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]> {
    try {
      return (await this.db.query<R>(text, params)).rows;
    } catch (err) {
      if (isConnectionError(err)) {
        throw new VectorStoreUnavailableError(`PostgreSQL: ${(err as Error).message}`, { cause: err });
      }
      throw err;
    }
  }
}

function packVector(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

// Node socket errors, pg's "Connection terminated", and server-side "cannot connect now"/shutdown states.
function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e?.code && /^(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|57P0[1-3]|08\w{3})$/.test(e.code))
    return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}
