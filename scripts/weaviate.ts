/**
 * `npm run weaviate`: a real single-node Weaviate on 127.0.0.1, built from its Go module on first use.
 * Flags (or env): --port (WEAVIATE_PORT, 8080), --grpc-port (WEAVIATE_GRPC_PORT, 50051),
 * --data (WEAVIATE_DATA_DIR, .data/weaviate), --build-only. Ctrl-C / SIGTERM stop the server cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  startWeaviate,
  WEAVIATE_VERSION,
  weaviateBinaryDir,
  weaviateBinaryPath,
} from '../src/retrieval/weaviate-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'grpc-port': { type: 'string' },
    data: { type: 'string' },
    'build-only': { type: 'boolean', default: false },
  },
});

function portOption(flag: string | undefined, envName: string, fallback: number): number {
  const raw = flag ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`Invalid port ${JSON.stringify(raw)} (from ${flag ? 'flag' : envName}): use 1-65535`);
    process.exit(2);
  }
  return n;
}

async function buildIfMissing(): Promise<void> {
  const binary = weaviateBinaryPath();
  if (existsSync(binary)) return;
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.error(
      `Weaviate ${WEAVIATE_VERSION} is not built yet (${binary}) and the Go toolchain is missing.\n` +
        'Install Go ≥ 1.26 (https://go.dev/dl/; older Go fetches the required toolchain itself when ' +
        'GOTOOLCHAIN=auto, the default), ' +
        'make sure `go` is on PATH, then run `npm run weaviate` again.',
    );
    process.exit(1);
  }
  mkdirSync(weaviateBinaryDir(), { recursive: true });
  const pkg = `github.com/weaviate/weaviate/cmd/weaviate-server@${WEAVIATE_VERSION}`;
  console.error(
    `Building Weaviate ${WEAVIATE_VERSION} with \`go install ${pkg}\` (takes a few minutes, once)...`,
  );
  const started = Date.now();
  const code = await new Promise<number | null>((res) => {
    const go = spawn('go', ['install', pkg], {
      env: { ...process.env, GOBIN: weaviateBinaryDir() },
      stdio: 'inherit',
    });
    go.once('exit', res);
  });
  if (code !== 0 || !existsSync(binary)) {
    console.error(`go install failed (exit ${code}); see the output above`);
    process.exit(1);
  }
  console.error(`Built ${binary} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await buildIfMissing();
if (values['build-only']) process.exit(0);

const server = await startWeaviate({
  port: portOption(values.port, 'WEAVIATE_PORT', 8080),
  grpcPort: portOption(values['grpc-port'], 'WEAVIATE_GRPC_PORT', 50051),
  dataDir: values.data ?? process.env.WEAVIATE_DATA_DIR ?? '.data/weaviate',
  log: 'inherit',
}).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});

// Machine-readable first line (scripts/weaviate-ci.sh greps it), then a human hint.
console.log(`WEAVIATE_URL=${server.url} WEAVIATE_GRPC_PORT=${server.grpcPort}`);
console.error(
  `Weaviate ${WEAVIATE_VERSION} ready at ${server.url} (gRPC ${server.grpcPort}), data in ${server.dataDir}`,
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: stopping Weaviate...`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
const code = await server.exited;
if (!stopping) {
  console.error(`Weaviate exited unexpectedly (code ${code})`);
  process.exit(1);
}
