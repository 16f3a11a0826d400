import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The real server (HTTP + WebSocket) on a random port, over the run's PostgreSQL. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
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
