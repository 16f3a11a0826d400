/**
 * `node bench/workers.ts`: ingest throughput with one worker process against two on one job queue,
 * printed as one JSON object and written to bench/results/workers.json.
 *
 * Each run: one API process (ROLE=api) plus N worker processes (ROLE=worker) on one PostgreSQL and a
 * fresh pg-boss schema; DOCUMENTS generated PDFs of PAGES pages uploaded through the API before the workers
 * start (so uploads are not timed); timed from the moment every worker is ready until every document is
 * READY (wall) and from the first job's start to the last job's completion (queue span, pg-boss's job table). Runs alternate 1, 2, 1, 2, … (RUNS rounds) so machine
 * noise hits both alike; the ratio compares medians from the same invocation.
 *
 * env: DATABASE_URL (else a scratch embedded PostgreSQL), DOCUMENTS (20), PAGES (40), RUNS (2).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { runScaleOut } from '../test/helpers/scale-out.ts';
import { round } from './lib/stats.ts';

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 20);
const PAGES = Number(process.env.PAGES ?? 40);
const RUNS = Number(process.env.RUNS ?? 2);
const log = (message: string) => process.stderr.write(`${message}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const started = performance.now();
const loadAtStart = loadavg().map((n) => round(n, 2));
const database = process.env.DATABASE_URL ? undefined : await startScratchDatabase();
const databaseUrl = process.env.DATABASE_URL ?? database!.url;
try {
  const runs: {
    workers: number;
    wall_ms: number;
    queue_span_ms: number;
    ready: number;
    jobs_per_worker: number[];
  }[] = [];
  for (let round_ = 0; round_ < RUNS; round_++) {
    for (const workers of [1, 2]) {
      log(`round ${round_ + 1}/${RUNS}: ${workers} worker(s), ${DOCUMENTS} × ${PAGES}-page PDFs`);
      const run = await runScaleOut({ databaseUrl, workers, documents: DOCUMENTS, pagesPerDocument: PAGES });
      const perWorker = run.workerPids.map(
        (pid) => run.activations.filter((row) => row.state === 'active' && row.pid === pid).length,
      );
      runs.push({
        workers,
        wall_ms: Math.round(run.wallMs),
        queue_span_ms: run.queueSpanMs,
        ready: run.documentRows.filter((row) => row.status === 'READY').length,
        jobs_per_worker: perWorker,
      });
      log(
        `  wall ${Math.round(run.wallMs)} ms, queue span ${run.queueSpanMs} ms, jobs per worker ${perWorker}`,
      );
    }
  }
  const summary = (workers: number) => {
    const mine = runs.filter((run) => run.workers === workers);
    return {
      median_wall_ms: median(mine.map((run) => run.wall_ms)),
      median_queue_span_ms: median(mine.map((run) => run.queue_span_ms)),
      docs_per_s: round(DOCUMENTS / (median(mine.map((run) => run.wall_ms)) / 1000), 2),
    };
  };
  const one = summary(1);
  const two = summary(2);
  const result = {
    benchmark: 'workers',
    date: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      node: process.version,
      loadavg_at_start: loadAtStart,
    },
    settings: {
      documents: DOCUMENTS,
      pages_per_document: PAGES,
      rounds: RUNS,
      worker_concurrency: 'pg-boss localConcurrency 2 per process, 1 extractor thread per process',
      embedder: 'local (offline hashing)',
      vector_store: 'postgres',
    },
    one_worker: one,
    two_workers: two,
    speedup_wall: round(one.median_wall_ms / two.median_wall_ms, 2),
    runs,
    total_bench_s: round((performance.now() - started) / 1000),
  };
  const json = JSON.stringify(result, null, 2);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/workers.json', `${json}\n`);
  console.log(json);
} finally {
  await database?.stop();
}
