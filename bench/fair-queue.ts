/**
 * `npm run bench:fair-queue`: one tenant's burst must not starve another (finding 21 of the review).
 * Tenant A's one-page document is timed from upload to READY: on an idle queue, and right after tenant B
 * has queued 25 documents of about 300 KB. Run with the queue's fairness off (one FIFO, as before) and on
 * (per-room priority and group concurrency, src/jobs/fair-queue.ts), each on a fresh in-process server over
 * one scratch PostgreSQL. Prints JSON and writes bench/results/fair-queue.json.
 *
 * Flags (environment): FAIR_ROUNDS (2), FAIR_BURST (25), FAIR_MODES ("off,on"), EMBEDDER (local-hash).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { createApiServer } from '../src/transport/server.ts';
import { makePdf } from '../test/helpers/documents.ts';
import { signUpAndCreateRoom, upload, waitDone } from './lib/http.ts';
import { machine } from './lib/machine.ts';
import { round } from './lib/stats.ts';

const ROUNDS = Number(process.env.FAIR_ROUNDS ?? 2);
const BURST = Number(process.env.FAIR_BURST ?? 25);
const MODES = (process.env.FAIR_MODES ?? 'off,on').split(',') as Array<'on' | 'off'>;
const EMBEDDER = process.env.EMBEDDER ?? 'local-hash';
const log = (message: string) => process.stderr.write(`[fair-queue] ${message}\n`);

/** A text PDF of about 300 KB (75 pages), different for every `tag` so no two share a content hash. */
function bigDocument(tag: string) {
  return makePdf(
    Array.from({ length: 75 }, (_, page) =>
      Array.from(
        { length: 40 },
        (_, line) =>
          `${tag} p${page + 1} l${line + 1}: mitochondria turn nutrients into usable energy for the cell.`,
      ),
    ),
  );
}

const smallDocument = (tag: string) =>
  makePdf([[`${tag}: the Treaty of Tordesillas divided the lands between Portugal and Castile in 1494.`]]);

async function startServer(databaseUrl: string, fairness: 'on' | 'off') {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(tmpdir(), `studyroom-fair-${process.pid}-${fairness}`),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    JOB_QUEUE_SCHEMA: `jobs_fair_${process.pid}_${fairness}`,
    EMBEDDER,
    JOB_FAIRNESS: fairness,
  });
  const app = await bootstrap(config, pino({ level: 'silent' }));
  const api = createApiServer(app.services);
  const port = await api.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    concurrency: config.WORKER_CONCURRENCY,
    async close() {
      await api.close(2000);
      await app.shutdown();
    },
  };
}

async function readyMs(url: string, token: string, roomId: string, bytes: Uint8Array, name: string) {
  const t0 = performance.now();
  const id = await upload(url, token, roomId, bytes, name);
  const document = await waitDone(url, token, id);
  if (document.status !== 'READY') throw new Error(`${name}: ${document.status} ${document.error}`);
  return performance.now() - t0;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function measure(databaseUrl: string, fairness: 'on' | 'off') {
  const server = await startServer(databaseUrl, fairness);
  try {
    const a = await signUpAndCreateRoom(server.url, 'Tenant A');
    const b = await signUpAndCreateRoom(server.url, 'Tenant B');
    // Warm up pdf.js, the extractor thread and the embedder outside the figures.
    await readyMs(server.url, a.token, a.roomId, await smallDocument('warm-up'), 'warm.pdf');
    const idle: number[] = [];
    for (let i = 0; i < 3; i++)
      idle.push(
        await readyMs(server.url, a.token, a.roomId, await smallDocument(`idle ${i}`), `idle-${i}.pdf`),
      );
    log(`${fairness}: A idle ${idle.map((ms) => round(ms)).join(', ')} ms`);

    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const files = await Promise.all(
        Array.from({ length: BURST }, (_, i) => bigDocument(`B round ${r} doc ${i}`)),
      );
      const loadBefore = machine().loadavg;
      const burstStarted = performance.now();
      const ids = await Promise.all(
        files.map((bytes, i) => upload(server.url, b.token, b.roomId, bytes, `b-${r}-${i}.pdf`)),
      );
      const aMs = await readyMs(
        server.url,
        a.token,
        a.roomId,
        await smallDocument(`burst ${r}`),
        `a-${r}.pdf`,
      );
      const done = await Promise.all(ids.map((id) => waitDone(server.url, b.token, id)));
      const drainMs = performance.now() - burstStarted;
      rounds.push({
        a_ms_to_ready: round(aMs),
        b_documents: BURST,
        b_bytes_each: files[0]!.byteLength,
        b_ready: done.filter((document) => document.status === 'READY').length,
        b_ms_to_drain: round(drainMs),
        loadavg_before: loadBefore,
        loadavg_after: machine().loadavg,
      });
      log(
        `${fairness}: round ${r}: A ready in ${round(aMs)} ms; B's ${BURST} drained in ${round(drainMs)} ms`,
      );
    }
    return {
      fairness,
      worker_concurrency: server.concurrency,
      a_idle_ms: idle.map((ms) => round(ms)),
      a_idle_median_ms: round(median(idle)),
      a_with_burst_median_ms: round(median(rounds.map((entry) => entry.a_ms_to_ready))),
      b_drain_median_ms: round(median(rounds.map((entry) => entry.b_ms_to_drain))),
      rounds,
    };
  } finally {
    await server.close();
  }
}

const database = await startScratchDatabase();
try {
  const runs = [];
  for (const mode of MODES) runs.push(await measure(database.url, mode));
  const result = {
    benchmark: 'fair-queue',
    description:
      "Tenant A's one-page PDF from upload to READY, idle and right after tenant B queued a burst of ~300 KB PDFs",
    at: new Date().toISOString(),
    embedder: EMBEDDER,
    machine: machine(),
    runs,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/fair-queue.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.stop();
}
process.exit(0);
