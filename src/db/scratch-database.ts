import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A throwaway PostgreSQL (tests, migration tooling, benchmarks): a fresh cluster in a temp dir. */
export async function startScratchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'studyroom-pg-'));
  await chmod(root, 0o755);
  const db = await startEmbeddedPostgres({
    dataDir: join(root, 'data'),
    port: await freePort(),
    durable: false,
  });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
