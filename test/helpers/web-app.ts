import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The Next.js study app (`examples/web`), its own package with its own install. */
export const WEB_DIR = join(import.meta.dirname, '..', '..', 'examples', 'web');
const NEXT_BIN = join(WEB_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Installed → run; not installed → skip with the command to run, except in CI (.ci/run installs it). */
export function webAppInstalled(): boolean {
  if (existsSync(NEXT_BIN)) return true;
  const fix = 'npm --prefix examples/web ci (or npm run example:web once)';
  if (process.env.CI) throw new Error(`the web app is not installed: ${fix}`);
  console.warn(`skipping web app tests: examples/web is not installed (${fix})`);
  return false;
}

/** The production build `npm run example:web:build` makes; built here when there is none yet. */
export function ensureWebBuild() {
  if (existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) return;
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: WEB_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`next build failed:\n${built.stdout}\n${built.stderr}`);
}

export interface WebApp {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

/** `next start` (the production server) on a free port, pointed at the given API. */
export async function startWebApp(options: { apiUrl: string; apiWsUrl?: string }): Promise<WebApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        API_URL: options.apiUrl,
        API_WS_URL: options.apiWsUrl ?? options.apiUrl.replace(/^http/, 'ws'),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => logs.push(line));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${logs.join('\n')}`);
    const up = await fetch(`${url}/sign-in`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() - started > 60_000) throw new Error(`next start did not answer:\n${logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
