/**
 * Where the retrieval tests get their real backends: the run's PostgreSQL (global setup) and a Weaviate
 * from WEAVIATE_URL or a private instance of the cached binary. Without Weaviate the suite skips with a
 * reason, except under CI=true where it must fail: a silently skipped Weaviate suite proves nothing.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { VectorStore } from '../../src/retrieval/ports.ts';
import { PostgresVectorStore, VECTOR_ENTRY_DDL } from '../../src/retrieval/postgres-store.ts';
import {
  type RunningWeaviate,
  startWeaviate,
  weaviateBinaryPath,
} from '../../src/retrieval/weaviate-server.ts';
import { WeaviateVectorStore } from '../../src/retrieval/weaviate-store.ts';

export interface StoreFixture {
  store: VectorStore;
  teardown(): Promise<void>;
}

export function weaviateAvailability(): { ok: boolean; reason: string } {
  if (process.env.WEAVIATE_URL) return { ok: true, reason: `WEAVIATE_URL=${process.env.WEAVIATE_URL}` };
  if (existsSync(weaviateBinaryPath()))
    return { ok: true, reason: `private instance of ${weaviateBinaryPath()}` };
  return {
    ok: false,
    reason: `no WEAVIATE_URL and no binary at ${weaviateBinaryPath()} (run \`npm run weaviate\` once to build it)`,
  };
}

export async function postgresFixture(databaseUrl: string): Promise<StoreFixture> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // Idempotent; the spine's migration may already have created the table.
  await pool.query(VECTOR_ENTRY_DDL);
  const store = new PostgresVectorStore(pool);
  return {
    store,
    async teardown() {
      await store.close();
      await pool.end();
    },
  };
}

/** A temp dir the weaviate process can write; removed by the caller. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

export async function weaviateFixture(): Promise<StoreFixture> {
  if (process.env.WEAVIATE_URL) {
    const store = new WeaviateVectorStore({
      url: process.env.WEAVIATE_URL,
      grpcPort: Number(process.env.WEAVIATE_GRPC_PORT ?? 50051),
    });
    return { store, teardown: () => store.close() };
  }
  const dataDir = await scratchDir('studyroom-weaviate-');
  const server: RunningWeaviate = await startWeaviate({ dataDir });
  const store = new WeaviateVectorStore({ url: server.url, grpcPort: server.grpcPort });
  return {
    store,
    async teardown() {
      await store.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
