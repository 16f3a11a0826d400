import { join } from 'node:path';
import pino from 'pino';
import type { Config } from '../config.ts';
import { startDatabase } from '../db/database.ts';
import { embeddedDatabaseUrl } from '../db/embedded-postgres.ts';
import { inspectEarlierServer } from '../db/postmaster-lock.ts';

/**
 * The database a command-line tool works on: DATABASE_URL, else the embedded PostgreSQL of DATA_DIR,
 * reached on its port when the app is running on it, else started for the tool and stopped after.
 */
export async function openToolDatabase(config: Config): Promise<{ url: string; stop(): Promise<void> }> {
  if (!config.DATABASE_URL) {
    const running = inspectEarlierServer(join(config.dataDir, 'postgres'));
    if (running.state === 'held' && running.port)
      return { url: embeddedDatabaseUrl(running.port), stop: async () => {} };
  }
  return startDatabase(config, pino({ level: 'silent' }));
}
