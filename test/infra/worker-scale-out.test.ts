import { describe, expect, inject, it } from 'vitest';
import { runScaleOut } from '../helpers/scale-out.ts';

/**
 * Issue 8 item 8: two worker processes on one database share the ingest queue and never process a job
 * twice. Timing (one worker against two) is measured by bench/workers.ts, not asserted here.
 */
describe('worker scale-out: two workers on one job queue', () => {
  it('ingests 20 documents exactly once each, with both workers taking jobs', async () => {
    const run = await runScaleOut({
      databaseUrl: inject('databaseUrl'),
      workers: 2,
      documents: 20,
      pagesPerDocument: 40,
    });
    console.log(
      `worker scale-out: ${JSON.stringify({ wallMs: Math.round(run.wallMs), queueSpanMs: run.queueSpanMs })}`,
    );

    // Every document READY, its chunk rows exactly chunkCount with ordinals 0..n-1 (none duplicated).
    expect(run.documentRows).toHaveLength(20);
    expect(run.documentRows.filter((row) => row.status !== 'READY')).toEqual([]);
    const chunksByDocument = new Map(run.chunkRows.map((row) => [row.document_id, row]));
    for (const document of run.documentRows) {
      const chunks = chunksByDocument.get(document.id);
      expect(document.chunk_count).toBeGreaterThan(0);
      expect(chunks).toMatchObject({
        chunks: document.chunk_count,
        ordinals: document.chunk_count,
        min: 0,
        max: document.chunk_count - 1,
      });
    }

    // One pg-boss job per document, completed once, never retried, taken (state → active) exactly once.
    expect(run.jobs).toHaveLength(20);
    expect(new Set(run.jobs.map((job) => job.document_id))).toEqual(
      new Set(run.documentRows.map((row) => row.id)),
    );
    expect(run.jobs.filter((job) => job.state !== 'completed' || job.retry_count !== 0)).toEqual([]);
    const taken = run.activations.filter((row) => row.state === 'active');
    const completed = run.activations.filter((row) => row.state === 'completed');
    expect(taken).toHaveLength(20);
    expect(new Set(taken.map((row) => row.job_id)).size).toBe(20);
    expect(completed).toHaveLength(20);

    // Both workers took jobs: the pg-boss instance whose connection activated each job is a worker process.
    const perWorker = new Map(run.workerPids.map((pid) => [pid, 0]));
    for (const row of taken) perWorker.set(row.pid!, (perWorker.get(row.pid!) ?? 0) + 1);
    console.log(`worker scale-out: jobs per worker pid ${JSON.stringify(Object.fromEntries(perWorker))}`);
    expect([...perWorker.keys()].sort()).toEqual([...run.workerPids].sort());
    for (const pid of run.workerPids) expect(perWorker.get(pid)).toBeGreaterThan(0);
    // And the worker that took a job is the one that completed it.
    const takenBy = new Map(taken.map((row) => [row.job_id, row.pid]));
    for (const row of completed) expect(row.pid).toBe(takenBy.get(row.job_id));
  }, 300_000);
});
