import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ApiProcess {
  child: ChildProcess;
  origin: string;
  url: string;
  wsUrl: string;
  logs: string[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  /** Called with the child as soon as it exists, so a caller can clean it up even if the start fails. */
  onSpawn?(child: ChildProcess): void;
  /** How long the start may take before the child is killed (default 60 s). */
  timeoutMs?: number;
  /** The checkout whose `src/main.ts` runs (default: this one); a benchmark compares against another. */
  cwd?: string;
}

/** `node src/main.ts` as its own process (as `npm start` runs it), on a random port. */
export function startApiProcess(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<ApiProcess> {
  return spawnMain(
    env,
    (line) => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
      return match ? match[1]!.replace('localhost', '127.0.0.1') : undefined;
    },
    options,
  );
}

export type WorkerProcess = Omit<ApiProcess, 'origin' | 'url' | 'wsUrl'>;

/** `ROLE=worker node src/main.ts`: no HTTP; ready once it logs `worker ready` (its consumers are polling). */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const { child, logs, exited, stop } = await spawnMain({ ...env, ROLE: 'worker' }, (line) =>
    line.includes('"msg":"worker ready"') ? 'ready' : undefined,
  );
  return { child, logs, exited, stop };
}

/** Runs `node src/main.ts` to its exit (a start that must fail): exit code and output, line by line. */
export async function runMainToExit(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string[]; stderr: string[] }> {
  const child = spawnNode(env);
  options.onSpawn?.(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) =>
    child.on('close', (exitCode) => resolve(exitCode)),
  );
  clearTimeout(timer);
  return { code, stdout, stderr };
}

function spawnNode(env: Record<string, string>, cwd?: string): ChildProcess {
  return spawn(process.execPath, ['src/main.ts'], {
    cwd,
    env: {
      ...inheritedEnv(),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'studyroom-proc-')),
      ...(env.EMBEDDING_MODEL ? {} : { EMBEDDER: 'local-hash' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function spawnMain(
  env: Record<string, string>,
  readyFrom: (line: string) => string | undefined,
  options: SpawnOptions = {},
): Promise<ApiProcess> {
  const child = spawnNode(env, options.cwd);
  options.onSpawn?.(child);
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never left running behind a failed test
      reject(new Error(`process did not start:\n${logs.join('\n')}`));
    }, options.timeoutMs ?? 60_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        logs.push(line);
        const ready = readyFrom(line);
        if (ready) {
          clearTimeout(timer);
          resolve(ready);
        }
      });
    }
    void exited.then((code) => reject(new Error(`API exited with ${code}:\n${logs.join('\n')}`)));
  });
  const http = url.startsWith('http');
  return {
    child,
    url,
    origin: http ? new URL(url).origin : '',
    wsUrl: url.replace('http', 'ws'),
    logs,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The runner's environment without the app's own settings: CI exports WEAVIATE_URL for the Weaviate
 * suite, and a spawned API must use only what its test passes, not whatever the shell happens to hold.
 */
export function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      /^(DATABASE_URL|WEAVIATE_|REDIS_URL|OPENAI_|EMBEDD|MODELS_DIR|RERANK_|LOG_FORMAT|CHAT_MODEL|JWT_SECRET|JOB_QUEUE_SCHEMA|ROLE|PORT|DATA_DIR)/.test(
        name,
      )
    ) {
      delete env[name];
    }
  }
  return env;
}
