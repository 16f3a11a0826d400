/**
 * `npm run bench:request-limits`: what the request limits save (findings 6 and 11 of the review). Two
 * in-process servers over one scratch PostgreSQL: one with the defaults, one with the limits raised out of
 * the way (GRAPHQL_MAX_SELECTIONS=10000, GRAPHQL_MAX_LIST_ITEMS=100000, REQUEST_MAX_BYTES=64 MiB), as the
 * code was before them. Each gets, anonymously or signed in:
 *  - `{ me { id id … } }` with 2,990 fields (under the 3,000-token limit), a fresh comment each time so
 *    no parse or validation cache helps, and /healthz timed while eight of them run at once;
 *  - `nodes(ids:)` with 70,000 distinct unknown Document IDs (a 4.3 MB body: over REQUEST_MAX_BYTES) and
 *    with 20,000 (1.2 MB: under it, so GRAPHQL_MAX_LIST_ITEMS answers).
 * Prints JSON and writes bench/results/request-limits.json.
 *
 * Flags (environment): LIMITS_ROUNDS (10), LIMITS_IDS ("70000,20000").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { createApiServer } from '../src/transport/server.ts';
import { signUpAndCreateRoom } from './lib/http.ts';
import { machine } from './lib/machine.ts';
import { round } from './lib/stats.ts';

const ROUNDS = Number(process.env.LIMITS_ROUNDS ?? 10);
const ID_COUNTS = (process.env.LIMITS_IDS ?? '70000,20000').split(',').map(Number);
const log = (message: string) => process.stderr.write(`[request-limits] ${message}\n`);

const RAISED = {
  GRAPHQL_MAX_SELECTIONS: '10000',
  GRAPHQL_MAX_LIST_ITEMS: '100000',
  REQUEST_MAX_BYTES: String(64 * 1024 * 1024),
};

async function startServer(databaseUrl: string, name: string, limits: Record<string, string>) {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(tmpdir(), `studyroom-limits-${process.pid}-${name}`),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    JOB_QUEUE_SCHEMA: `jobs_limits_${process.pid}_${name}`,
    EMBEDDER: 'local-hash',
    ROLE: 'api',
    ...limits,
  });
  const app = await bootstrap(config, pino({ level: 'silent' }));
  const api = createApiServer(app.services);
  const port = await api.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      await api.close(2000);
      await app.shutdown();
    },
  };
}

type Answer = { message: string; extensions?: { code?: string } };

/** One POST; a connection the server dropped (its event loop held past a keep-alive timeout) is a result too. */
async function post(url: string, body: unknown, token?: string) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = JSON.parse(text) as { errors?: Answer[] };
    return { ms: performance.now() - started, bytes: text.length, error: parsed.errors?.[0] };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    const dropped: Answer = { message: 'connection failed', extensions: { code: cause } };
    return { ms: performance.now() - started, bytes: 0, error: dropped };
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let unique = 0;
const repeatedFields = () => ({ query: `{ me { ${'id '.repeat(2990)} } } # ${unique++}` });

async function measure(databaseUrl: string, name: string, limits: Record<string, string>) {
  const server = await startServer(databaseUrl, name, limits);
  const url = `${server.base}/graphql`;
  try {
    const { token } = await signUpAndCreateRoom(url, `Limits ${name}`);
    const single = [];
    for (let i = 0; i < ROUNDS; i++) single.push(await post(url, repeatedFields()));
    // /healthz while eight such requests are in flight: the event loop they hold.
    const burst = Array.from({ length: 8 }, () => post(url, repeatedFields()));
    const health = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await fetch(`${server.base}/healthz`).catch(() => undefined);
      health.push(performance.now() - started);
    }
    await Promise.all(burst);
    const repeated = {
      median_ms: round(median(single.map((entry) => entry.ms))),
      answer: single[0]!.error
        ? `${single[0]!.error.extensions?.code}: ${single[0]!.error.message}`
        : `data (${single[0]!.bytes} bytes)`,
      healthz_during_8_ms: health.map((ms) => round(ms)),
    };
    log(`${name}: 2,990 fields ${repeated.median_ms} ms; ${repeated.answer.slice(0, 80)}`);

    const nodes = [];
    for (const count of ID_COUNTS) {
      const ids = Array.from({ length: count }, (_, index) =>
        Buffer.from(`Document:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`).toString('base64'),
      );
      const rssBefore = process.memoryUsage().rss;
      const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      const list = await post(url, { query, variables: { ids } }, token);
      nodes.push({
        ids: count,
        ms: round(list.ms),
        rss_delta_mib: round((process.memoryUsage().rss - rssBefore) / 2 ** 20),
        answer: list.error
          ? `${list.error.extensions?.code}: ${list.error.message}`
          : `data (${list.bytes} bytes)`,
      });
      log(`${name}: nodes(${count} ids) ${round(list.ms)} ms; ${nodes.at(-1)!.answer.slice(0, 80)}`);
    }
    return {
      server: name,
      limits,
      repeated_fields_2990: repeated,
      nodes,
      loadavg: machine().loadavg,
    };
  } finally {
    await server.close();
  }
}

const database = await startScratchDatabase();
try {
  const runs = [await measure(database.url, 'raised', RAISED), await measure(database.url, 'defaults', {})];
  const result = {
    benchmark: 'request-limits',
    description:
      'Validation of 2,990 repeated fields and nodes() with 70,000 IDs, with the limits raised out of the way and at their defaults (the server and the client share one process)',
    at: new Date().toISOString(),
    machine: machine(),
    runs,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/request-limits.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.stop();
}
process.exit(0);
