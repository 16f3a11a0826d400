import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { freePort } from '../../src/db/scratch-database.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? 'nginx';

/** Debian's nginx (and openssl for render.sh's certificate); absent → skip, except in CI. */
export function nginxAvailable(): boolean {
  const ok = spawnSync(NGINX, ['-v']).status === 0 && spawnSync('openssl', ['version']).status === 0;
  if (ok) return true;
  if (process.env.CI)
    throw new Error('nginx or openssl is missing: .ci/run installs nginx (apt-get install nginx)');
  console.warn('skipping nginx tests: nginx not installed (apt-get install -y nginx)');
  return false;
}

export interface Nginx {
  dir: string;
  /** https://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT (the redirecting server with the ACME location) */
  httpOrigin: string;
  url: string;
  wsUrl: string;
  /** The self-signed certificate render.sh generated (PEM). */
  certificate: string;
  /** The ACME webroot: files under .well-known/acme-challenge/ here are served on the HTTP port. */
  acmeRoot: string;
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * infra/nginx/render.sh test: the repository's snippets on loopback, as the current user, with pid, logs,
 * temp files and the self-signed certificate in a temp dir, in front of 127.0.0.1:PORT for each API port.
 * The dir (logs included) is removed on stop unless KEEP_NGINX_DIR is set. `rate` is the per-address
 * request rate (render.sh's RATE, 1000r/s by default).
 */
export async function startNginx(apiPorts: number[], options: { rate?: string } = {}): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'studyroom-nginx-'));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  execFileSync('bash', ['infra/nginx/render.sh', 'test', dir], {
    env: {
      ...process.env,
      HTTP_PORT: String(httpPort),
      HTTPS_PORT: String(httpsPort),
      API_PORTS: apiPorts.join(' '),
      ...(options.rate ? { RATE: options.rate } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (data: Buffer) => {
      output += data;
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  while (!(await accepts(httpsPort))) {
    if (child.exitCode !== null || Date.now() - started > 10_000)
      throw new Error(`nginx did not start: ${output}\n${readLog(join(dir, 'error.log'))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const origin = `https://127.0.0.1:${httpsPort}`;
  return {
    dir,
    origin,
    httpOrigin: `http://127.0.0.1:${httpPort}`,
    url: `${origin}/graphql`,
    wsUrl: `wss://127.0.0.1:${httpsPort}/graphql`,
    certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    acmeRoot: join(dir, 'acme'),
    accessLog: () => readLog(join(dir, 'access.log')).split('\n').filter(Boolean),
    errorLog: () => readLog(join(dir, 'error.log')),
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT'); // graceful: finish open requests, then exit
      await exited;
      if (!process.env.KEEP_NGINX_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Trusts `pem` in this test process, in addition to the system CAs, for fetch (Node's undici), https and
 * ws alike. Only the test's own self-signed certificate is added; verification stays on.
 */
export function trustCertificate(pem: string) {
  const current = getCACertificates('default');
  if (!current.includes(pem)) setDefaultCACertificates([...current, pem]);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function readLog(path: string) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
