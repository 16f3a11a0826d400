import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { describeError, errorCode, StartupError } from '../startup-error.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export const DEFAULT_EMBEDDED_PORT = 54329;

/** The database the app runs on, as the banner describes it. */
export type DatabaseInfo =
  | {
      kind: 'embedded';
      url: string;
      dataDir: string;
      port: number;
      /** The port it wanted, when that one was taken and it moved. */
      wantedPort?: number;
      /** What this start repaired (an orphan server stopped, a missing database created, ...). */
      recovered: string[];
      stop(): Promise<void>;
    }
  | { kind: 'external'; url: string; stop(): Promise<void> };

/**
 * DATABASE_URL when set (checked reachable, so a typo is one clear line), otherwise the embedded
 * PostgreSQL in DATA_DIR/postgres on EMBEDDED_POSTGRES_PORT, or on the port it used last time
 * (recorded in DATA_DIR/embedded-postgres.json), or the default; a taken port that the user did not
 * choose is replaced by a free one. What the start had to repair is logged as a warning each.
 */
export async function startDatabase(config: Config, logger: Logger): Promise<DatabaseInfo> {
  if (config.DATABASE_URL) {
    await checkReachable(config.DATABASE_URL);
    return { kind: 'external', url: config.DATABASE_URL, stop: async () => {} };
  }
  const started = Date.now();
  const record = join(config.dataDir, 'embedded-postgres.json');
  const wantedPort = config.EMBEDDED_POSTGRES_PORT ?? recordedPort(record) ?? DEFAULT_EMBEDDED_PORT;
  const embedded = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: wantedPort,
    portFixed: config.EMBEDDED_POSTGRES_PORT !== undefined,
    log: (line) => logger.debug({ postgres: line }),
  });
  if (embedded.port !== recordedPort(record)) {
    writeFileSync(record, `${JSON.stringify({ port: embedded.port })}\n`);
  }
  for (const repair of embedded.recovered) logger.warn({ dataDir: embedded.dataDir }, repair);
  logger.info({ ms: Date.now() - started, port: embedded.port }, 'embedded PostgreSQL ready');
  return {
    kind: 'embedded',
    url: embedded.url,
    dataDir: embedded.dataDir,
    port: embedded.port,
    wantedPort: embedded.port === wantedPort ? undefined : wantedPort,
    recovered: embedded.recovered,
    stop: embedded.stop,
  };
}

function recordedPort(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const { port } = JSON.parse(readFileSync(file, 'utf8')) as { port?: unknown };
    return Number.isInteger(port) && (port as number) > 0 && (port as number) < 65536
      ? (port as number)
      : undefined;
  } catch {
    return undefined; // unreadable: start from the default again
  }
}

/** `host:port/database` of a URL, never its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured server';
  }
}

async function checkReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a failed connect also emits: the rejection below reports it
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new StartupError(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)} (DATABASE_URL): ${reasonOf(error)}. ` +
        'Check that the server runs and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function reasonOf(error: unknown): string {
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case '28P01':
      return 'password authentication failed';
    case '3D000':
      return `${describeError(error)} (create it, e.g. with createdb)`;
    default:
      return /timeout/i.test(describeError(error)) ? 'no answer within 10 s' : describeError(error);
  }
}
