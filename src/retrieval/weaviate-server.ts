/**
 * Dev/test helper: runs the cached Weaviate binary as a single node on loopback. Used by `npm run weaviate`,
 * by tests and by benchmarks to get a private instance; never by the API itself (production points
 * WEAVIATE_URL at a managed server).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const WEAVIATE_VERSION = 'v1.39.0';

/** Where `go install` puts the server (GOBIN); overridable for machines with a different cache layout. */
export function weaviateBinaryDir(): string {
  return (
    process.env.WEAVIATE_BIN_DIR ?? join(homedir(), '.cache', 'studyroom', `weaviate-${WEAVIATE_VERSION}`)
  );
}

export function weaviateBinaryPath(): string {
  return join(weaviateBinaryDir(), 'weaviate-server');
}

export interface StartWeaviateOptions {
  /** HTTP port; 0 or omitted picks a free one. */
  port?: number;
  /** gRPC port; 0 or omitted picks a free one. */
  grpcPort?: number;
  dataDir?: string;
  /** 'inherit' streams the server log to this process (the CLI); 'pipe' keeps the tail for error reports. */
  log?: 'inherit' | 'pipe';
  readyTimeoutMs?: number;
}

export interface RunningWeaviate {
  url: string;
  port: number;
  grpcPort: number;
  dataDir: string;
  pid: number;
  /** Resolves with the exit code when the server process ends, whoever stopped it. */
  exited: Promise<number | null>;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period); resolves when the process is gone. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export async function startWeaviate(options: StartWeaviateOptions = {}): Promise<RunningWeaviate> {
  const binary = weaviateBinaryPath();
  if (!existsSync(binary)) {
    throw new Error(`Weaviate binary not found at ${binary}; run \`npm run weaviate\` once to build it`);
  }
  const port = options.port || (await freePort());
  const grpcPort = options.grpcPort || (await freePort());
  const dataDir = resolve(options.dataDir ?? '.data/weaviate');
  mkdirSync(dataDir, { recursive: true });
  // Cluster-internal ports are always free ones, so several private instances (tests, benches, dev) coexist.
  const [gossip, data, raft, raftRpc] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED: 'true',
    DEFAULT_VECTORIZER_MODULE: 'none',
    ENABLE_MODULES: '',
    PERSISTENCE_DATA_PATH: dataDir,
    GRPC_PORT: String(grpcPort),
    CLUSTER_HOSTNAME: 'node1',
    CLUSTER_BIND_ADDR: '127.0.0.1',
    CLUSTER_ADVERTISE_ADDR: '127.0.0.1',
    CLUSTER_GOSSIP_BIND_PORT: String(gossip),
    CLUSTER_DATA_BIND_PORT: String(data),
    RAFT_PORT: String(raft),
    RAFT_INTERNAL_RPC_PORT: String(raftRpc),
    RAFT_JOIN: `node1:${raftRpc}`,
    RAFT_BOOTSTRAP_EXPECT: '1',
    // A restarted single node must not wait minutes for peers that will never come.
    RAFT_BOOTSTRAP_TIMEOUT: '30',
    // No phone-home and no pprof listener on a fixed port (6060) that a second instance would collide on.
    DISABLE_TELEMETRY: 'true',
    GO_PROFILING_DISABLE: 'true',
    PROMETHEUS_MONITORING_ENABLED: 'false',
    QUERY_DEFAULTS_LIMIT: '25',
    LOG_LEVEL: process.env.WEAVIATE_LOG_LEVEL ?? 'warning',
  };
  const child = spawn(binary, ['--host', '127.0.0.1', '--port', String(port), '--scheme', 'http'], {
    env,
    stdio: options.log === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // If this process dies (test crash, Ctrl-C in a runner), do not leave an orphan holding the ports.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, exited, options.readyTimeoutMs ?? 90_000);
  } catch (err) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw new Error(`${(err as Error).message}\n--- weaviate log tail ---\n${tail.join('\n')}`);
  }
  return {
    url,
    port,
    grpcPort,
    dataDir,
    pid: child.pid!,
    exited,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child, exited);
    },
  };
}

async function waitReady(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  while (Date.now() < deadline) {
    if (gone !== undefined || child.exitCode !== null) {
      throw new Error(`Weaviate exited with code ${gone ?? child.exitCode} before becoming ready`);
    }
    try {
      const res = await fetch(`${url}/v1/.well-known/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Weaviate at ${url} not ready after ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
