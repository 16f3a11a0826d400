/**
 * `npm run bench:memory`: the API process's memory while it ingests 20 corpus PDFs at once, and the
 * latency of a simple query meanwhile; written to bench/results/memory.json.
 *
 * The API runs as its own process with ROLE=all (HTTP and the ingest workers in one process, as on a
 * single machine) and NODE_ENV=production. Its RSS (VmRSS from /proc/<pid>/status, which counts the
 * extraction worker threads too) is sampled every 100 ms from before the uploads until every document is
 * READY or FAILED. `{ me { id } }` is sent one request at a time from a second process throughout.
 * The 20 largest PDFs of ../shared/corpus/pdf (CORPUS_DIR overrides) are used; without a corpus the
 * benchmark records that it was skipped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { startApiProcess } from '../test/helpers/process.ts';
import { signUpAndCreateRoom, upload, waitDone } from './lib/http.ts';
import { machine, processRssMiB } from './lib/machine.ts';
import { probe } from './lib/probe.ts';
import { latencySummary, round } from './lib/stats.ts';

const FILES = Number(process.env.BENCH_MEMORY_FILES ?? 20);
const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const RESULTS = resolve('bench/results');
const JWT_SECRET = 'bench-memory-secret-0123456789-abcdefghijkl';
const log = (message: string) => process.stderr.write(`[bench:memory] ${message}\n`);

function write(result: object) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'memory.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

async function main() {
  const started = performance.now();
  const pdfDir = join(CORPUS_DIR, 'pdf');
  if (!existsSync(pdfDir)) {
    log(`no corpus at ${pdfDir}: skipped`);
    write({ benchmark: 'memory', date: new Date().toISOString(), skipped: `no corpus at ${pdfDir}` });
    return;
  }
  const files = readdirSync(pdfDir)
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => ({ name, bytes: statSync(join(pdfDir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, FILES);
  const machineAtStart = machine();
  const db = await startScratchDatabase();
  const api = await startApiProcess({
    DATABASE_URL: db.url,
    JWT_SECRET,
    NODE_ENV: 'production',
    ROLE: 'all',
    NODE_OPTIONS: '',
  });
  const pid = api.child.pid!;
  try {
    const { token, roomId } = await signUpAndCreateRoom(api.url, 'Memory bench');
    const idle = await probe(api.url, token, 300, 10_000);
    const rssIdle = processRssMiB(pid);
    log(
      `idle: RSS ${round(rssIdle ?? 0)} MiB, p99 ${latencySummary(idle).p99_ms} ms; ingesting ${files.length} PDFs`,
    );

    const samples: { t_ms: number; rss_mib: number }[] = [];
    const t0 = performance.now();
    const sampler = setInterval(() => {
      const rss = processRssMiB(pid);
      if (rss !== null) samples.push({ t_ms: Math.round(performance.now() - t0), rss_mib: round(rss) });
    }, 100);
    const ingest = Promise.all(
      files.map(async (file) => {
        const id = await upload(
          api.url,
          token,
          roomId,
          new Uint8Array(readFileSync(join(pdfDir, file.name))),
          file.name,
        );
        const done = await waitDone(api.url, token, id, 250);
        return {
          file: file.name,
          bytes: file.bytes,
          status: done.status,
          pages: done.pageCount,
          chunks: done.chunkCount,
        };
      }),
    );
    const during = await probe(api.url, token, 100_000, 600_000, ingest);
    const documents = await ingest;
    const ingestMs = performance.now() - t0;
    clearInterval(sampler);
    const rssAfter = processRssMiB(pid);
    const peak = samples.reduce((max, sample) => Math.max(max, sample.rss_mib), 0);
    const result = {
      benchmark: 'memory',
      date: new Date().toISOString(),
      machine: { ...machineAtStart, loadavg_at_end: machine().loadavg },
      settings: {
        api: 'node src/main.ts as its own process, ROLE=all, NODE_ENV=production, default worker concurrency',
        files: files.length,
        corpus_bytes: files.reduce((n, f) => n + f.bytes, 0),
        uploads: 'all at once (multipart), then polled every 250 ms until READY/FAILED',
        rss: 'VmRSS of the API process every 100 ms (includes extraction worker threads)',
        probe: '{ me { id } } one at a time from a second process',
      },
      rss_mib: {
        idle: round(rssIdle ?? Number.NaN),
        peak,
        after: round(rssAfter ?? Number.NaN),
        samples: samples.length,
      },
      ingest: {
        wall_ms: round(ingestMs),
        ready: documents.filter((d) => d.status === 'READY').length,
        failed: documents.filter((d) => d.status === 'FAILED').length,
        pages: documents.reduce((n, d) => n + (d.pages ?? 0), 0),
        chunks: documents.reduce((n, d) => n + d.chunks, 0),
        documents,
      },
      api_latency: { idle: latencySummary(idle), during_ingest: latencySummary(during) },
      // Every 10th sample keeps the curve readable without bloating the file.
      rss_curve: samples.filter((_, i) => i % 10 === 0),
      total_bench_s: round((performance.now() - started) / 1000, 1),
    };
    log(
      `peak RSS ${peak} MiB (idle ${result.rss_mib.idle}), ${result.ingest.ready} READY / ${result.ingest.failed} FAILED ` +
        `in ${round(ingestMs / 1000, 1)} s; p99 during ingest ${result.api_latency.during_ingest.p99_ms} ms`,
    );
    write(result);
  } finally {
    await api.stop();
    await db.stop();
  }
}

await main();
