/**
 * Apps that run their own embedded PostgreSQL, each test on a private DATA_DIR (the `box` fixture).
 * Everything a test starts through its box is stopped when the test ends, pass or fail: the apps, then
 * any PostgreSQL still serving the directory (an orphan made on purpose, or one a failure left), then
 * any other process still working in it (an initdb whose app was killed), then the directory goes.
 */
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'vitest';
import { freePort } from '../../src/db/tcp-port.ts';
import { type ApiProcess, runMainToExit, type SpawnOptions, startApiProcess } from './process.ts';

/** A start spawns node and PostgreSQL (initdb with fsync on a first one): slow on a loaded machine. */
const START_TIMEOUT_MS = 150_000;

export interface EmbeddedSandbox {
  /** DATA_DIR of the apps started here. */
  dataDir: string;
  /** The embedded cluster's directory (DATA_DIR/postgres). */
  pgData: string;
  /** The port recorded for the embedded PostgreSQL before the first start (a free one, never 54329). */
  port: number;
  /** `node src/main.ts` on this DATA_DIR, without DATABASE_URL: it runs its own PostgreSQL. */
  start(env?: Record<string, string>, options?: SpawnOptions): Promise<ApiProcess>;
  /** A start that must fail: its exit code and output. */
  runToExit(env?: Record<string, string>): ReturnType<typeof runMainToExit>;
  /** The pid in postmaster.pid, when the file exists. */
  postmasterPid(): number | undefined;
  recordedPort(): number | undefined;
  /** A foreign listener on 127.0.0.1:port until `release` or the end of the test. */
  holdPort(port: number): Promise<{ release(): Promise<void> }>;
}

export const embeddedTest = test.extend<{ box: EmbeddedSandbox }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture needs from this pattern
  box: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'studyroom-embedded-'));
    chmodSync(root, 0o755); // the server runs as the `postgres` user when tests run as root
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const pgData = join(dataDir, 'postgres');
    const port = await freePort();
    const record = join(dataDir, 'embedded-postgres.json');
    writeFileSync(record, JSON.stringify({ port }));
    const children: ChildProcess[] = [];
    const releases: Array<() => Promise<void>> = [];
    const tracked = (options: SpawnOptions = {}): SpawnOptions => ({
      timeoutMs: START_TIMEOUT_MS,
      ...options,
      onSpawn: (child) => {
        children.push(child);
        options.onSpawn?.(child);
      },
    });
    const postmasterPid = () => {
      const file = join(pgData, 'postmaster.pid');
      return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) || undefined : undefined;
    };
    try {
      await use({
        dataDir,
        pgData,
        port,
        start: (env = {}, options) => startApiProcess({ DATA_DIR: dataDir, ...env }, tracked(options)),
        runToExit: (env = {}) => runMainToExit({ DATA_DIR: dataDir, ...env }, tracked()),
        postmasterPid,
        recordedPort: () => (JSON.parse(readFileSync(record, 'utf8')) as { port?: number }).port,
        async holdPort(held) {
          const release = await listenOn(held);
          releases.push(release);
          return { release };
        },
      });
    } finally {
      // Apps first (tracked from spawn, so a start that failed or hung is included): then nothing can
      // start another PostgreSQL here, and the one still running, if any, is in postmaster.pid.
      await Promise.all(children.map(killChild));
      const pid = postmasterPid();
      if (pid && isAlive(pid)) await stopPostgres(pid);
      await killProcessesUsing(root);
      await Promise.all(releases.map((release) => release()));
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    }
  },
});

async function listenOn(port: number): Promise<() => Promise<void>> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

export async function readiness(app: ApiProcess): Promise<number> {
  return (await fetch(`${app.origin}/readyz`)).status;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An orphan that exited stays a zombie until PID 1 reaps it, which a container's PID 1 may never do.
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The `msg` of each JSON log line an app printed (the banner and other text lines are skipped). */
export function logMessages(app: { logs: string[] }): string[] {
  return app.logs.flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [String((JSON.parse(line) as { msg?: unknown }).msg)];
    } catch {
      return [];
    }
  });
}

async function killChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** PostgreSQL's immediate shutdown: quick, takes its backends along and releases its shared memory. */
async function stopPostgres(pid: number) {
  process.kill(pid, 'SIGQUIT');
  for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Any process whose command line or working directory lies under `root` (Linux: /proc). */
async function killProcessesUsing(root: string) {
  if (!existsSync('/proc/self/cmdline')) return;
  for (let round = 0; round < 50; round++) {
    const pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
      .filter((pid) => {
        try {
          return (
            readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(root) ||
            readlinkSync(`/proc/${pid}/cwd`).startsWith(root)
          );
        } catch {
          return false; // gone, or not ours to read
        }
      });
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {}
    }
    await sleep(100);
  }
}
