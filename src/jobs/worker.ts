import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobWithMetadata } from 'pg-boss';
import { sweepAuditLog } from '../audit/audit-service.ts';
import { ExtractorPool } from '../documents/engine/extractor-pool.ts';
import { ingestLimits } from '../documents/engine/limits.ts';
import { runIngestJob } from '../documents/ingest-job.ts';
import { runDeckJob } from '../flashcards/deck-job.ts';
import type { LlmPurpose } from '../llm/llm-meter.ts';
import { runQuizJob } from '../quizzes/quiz-job.ts';
import { reembedRoom, roomsToReembed } from '../retrieval/reembed.ts';
import type { Services } from '../services.ts';
import { runStudyGuideJob } from '../study-guides/study-guide-job.ts';
import { type ChargedTo, QUEUES } from './queue.ts';

type Queue = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * The worker role: pg-boss consumers. Extraction runs in worker threads (ExtractorPool), so a big PDF never
 * blocks this process's event loop; two jobs per queue run at once per process.
 */
export async function startWorkers(services: Services, options: { concurrency?: number } = {}) {
  const concurrency = options.concurrency ?? 2;
  const extractor = new ExtractorPool({ size: 1 });
  const ingestServices = { ...services, extractor, limits: ingestLimits(services.config) };

  const worker = `${hostname()}:${process.pid}`;
  /**
   * Runs each job of a queue through `handle`, timing and logging it; a throw hands the job back for a
   * retry. The job's stored output names the worker that completed it.
   */
  async function consume<T extends object>(
    queue: Queue,
    handle: (job: JobWithMetadata<T>) => Promise<void>,
  ): Promise<void> {
    await services.queue.work<T>(
      queue,
      { batchSize: 1, localConcurrency: concurrency, includeMetadata: true, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        const job = jobs[0] as JobWithMetadata<T> | undefined;
        if (!job) return;
        const timer = services.metrics.jobDuration.startTimer({ queue });
        try {
          await handle(job);
          const seconds = timer({ outcome: 'done' });
          services.logger.info(
            { queue, jobId: job.id, data: job.data, ms: Math.round(seconds * 1000), worker },
            'job done',
          );
          return { worker };
        } catch (error) {
          timer({ outcome: 'retry' });
          throw error;
        }
      },
    );
  }

  await consume<{ documentId: string; version: number }>(QUEUES.ingest, (job) =>
    runIngestJob(ingestServices, {
      documentId: job.data.documentId,
      version: job.data.version,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      signal: job.signal,
    }),
  );
  // Generation jobs charge their LLM tokens to the member who asked for them, in the room they are for.
  const charged = (data: { chargedTo?: ChargedTo }, purpose: LlmPurpose) =>
    data.chargedTo && { ...data.chargedTo, purpose };
  await consume<{ quizId: string; chargedTo?: ChargedTo }>(QUEUES.quiz, (job) =>
    services.llmMeter.run(charged(job.data, 'quiz'), () =>
      runQuizJob(services, {
        quizId: job.data.quizId,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
        signal: job.signal,
      }),
    ),
  );
  await consume<{ deckId: string; chargedTo?: ChargedTo }>(QUEUES.flashcards, (job) =>
    services.llmMeter.run(charged(job.data, 'deck'), () =>
      runDeckJob(services, {
        deckId: job.data.deckId,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
        signal: job.signal,
      }),
    ),
  );
  await consume<{ studyGuideId: string; chargedTo?: ChargedTo }>(QUEUES.studyGuide, (job) =>
    services.llmMeter.run(charged(job.data, 'study_guide'), () =>
      runStudyGuideJob(services, {
        studyGuideId: job.data.studyGuideId,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
        signal: job.signal,
      }),
    ),
  );
  await consume<{ roomId: string }>(QUEUES.reembed, async (job) => {
    const result = await reembedRoom(services.orm.em.fork() as EntityManager, services, job.data.roomId, {
      signal: job.signal,
      onProgress: (done, total) =>
        services.logger.info({ roomId: job.data.roomId, done, total }, 're-embedding room'),
    });
    if (result.chunks > 0) services.logger.info({ roomId: job.data.roomId, ...result }, 'room re-embedded');
  });
  await scheduleReembeds(services);
  // The audit trail's retention: swept at start and hourly (several workers sweeping at once is harmless).
  const sweep = () =>
    sweepAuditLog(
      services.orm.em.fork() as EntityManager,
      services.clock.now(),
      services.config.AUDIT_RETENTION_DAYS,
    )
      .then((deleted) => deleted > 0 && services.logger.info({ deleted }, 'old audit entries deleted'))
      .catch((error) => services.logger.error({ err: error }, 'audit retention sweep failed'));
  await sweep();
  const sweeper = setInterval(sweep, 3_600_000);
  sweeper.unref();
  services.logger.info({ queues: Object.values(QUEUES), concurrency }, 'worker ready');
  return {
    async stop() {
      clearInterval(sweeper);
      for (const queue of Object.values(QUEUES))
        await services.queue.offWork(queue, { wait: true }).catch(() => undefined);
      await extractor.close();
    },
  };
}

/**
 * Queues a background re-embed for every room whose vectors come from another embedder than the
 * configured one. Not when the configured embedder is unavailable (the local model missing): moving
 * rooms to the fallback would throw away their better vectors over a fixable setup problem.
 */
async function scheduleReembeds(services: Services) {
  const { status } = services.embedders;
  if (status.fallback) return;
  const rooms = await roomsToReembed(services.orm.em.fork() as EntityManager, status.id);
  for (const roomId of rooms) await services.queue.send(QUEUES.reembed, { roomId }, { singletonKey: roomId });
  if (rooms.length > 0)
    services.logger.info({ rooms: rooms.length, to: status.id }, 'rooms queued for re-embedding');
}
