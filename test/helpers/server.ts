import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { bootstrap } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { createApiServer } from '../../src/transport/server.ts';

export interface TestServer {
  url: string;
  wsUrl: string;
  origin: string;
  services: Awaited<ReturnType<typeof bootstrap>>['services'];
  close(): Promise<void>;
}

/**
 * A database of its own in the run's PostgreSQL cluster (migrated by the server that starts on it). A
 * server on another embedder than the suite's `local-hash` needs one: its worker moves every room of its
 * database to its embedder at start (reembed-room), which in the shared database would re-embed, and
 * rewrite the vectors of, every other test's rooms.
 */
export async function privateDatabaseUrl(): Promise<string> {
  const url = new URL(inject('databaseUrl'));
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The real server (HTTP + WebSocket) on a random port, over the run's PostgreSQL: the shared database, or
 * a private one when it runs another embedder (see privateDatabaseUrl).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestServer> {
  const ownEmbedder = env.EMBEDDING_MODEL || (env.EMBEDDER && env.EMBEDDER !== 'local-hash');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: env.DATABASE_URL ?? (ownEmbedder ? await privateDatabaseUrl() : inject('databaseUrl')),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'studyroom-test-')),
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Each server consumes its own job queue: in-process pub/sub must reach this server's subscribers.
    JOB_QUEUE_SCHEMA: `jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    // Fast and deterministic for the many tests about other things; the local model's own tests (and the
    // Weaviate ones) ask for EMBEDDER=local-model.
    ...(env.EMBEDDING_MODEL ? {} : { EMBEDDER: 'local-hash' }),
    ...env,
  });
  const app = await bootstrap(config, options.logger);
  const api = createApiServer(app.services);
  const port = await api.listen(0, '127.0.0.1');
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    services: app.services,
    async close() {
      await api.close(2000);
      await app.shutdown();
    },
  };
}
