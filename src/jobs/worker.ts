import type { JobWithMetadata } from 'pg-boss';
import type { Services } from '../context.ts';
import { DEFAULT_LIMITS, runIngestJob } from '../documents/ingest-job.ts';
import { ExtractorPool } from '../ingest/extractor-pool.ts';
import { QUEUES } from './queue.ts';

/**
 * The worker role: pg-boss consumers. Extraction runs in worker threads (ExtractorPool), so a big PDF never
 * blocks this process's event loop; two ingest jobs run at once per process.
 */
export async function startWorkers(services: Services, options: { concurrency?: number } = {}) {
  const extractor = new ExtractorPool({ size: options.concurrency ?? 1 });
  const ingestServices = { ...services, extractor, limits: DEFAULT_LIMITS };
  await services.queue.work<{ documentId: string; version: number }>(
    QUEUES.ingest,
    {
      batchSize: 1,
      localConcurrency: options.concurrency ?? 2,
      includeMetadata: true,
      pollingIntervalSeconds: 0.5,
    },
    async (jobs) => {
      const job = jobs[0] as JobWithMetadata<{ documentId: string; version: number }> | undefined;
      if (!job) return;
      const timer = services.metrics.jobDuration.startTimer({ queue: QUEUES.ingest });
      try {
        await runIngestJob(ingestServices, {
          documentId: job.data.documentId,
          version: job.data.version,
          retryCount: job.retryCount,
          retryLimit: job.retryLimit,
          signal: job.signal,
        });
        timer({ outcome: 'done' });
      } catch (error) {
        timer({ outcome: 'retry' });
        throw error;
      }
    },
  );
  services.logger.info({ queues: [QUEUES.ingest], concurrency: options.concurrency ?? 2 }, 'worker ready');
  return {
    async stop() {
      await services.queue.offWork(QUEUES.ingest, { wait: true }).catch(() => undefined);
      await extractor.close();
    },
  };
}
