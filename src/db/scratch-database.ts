import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { freePort } from './tcp-port.ts';

export { freePort };

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
