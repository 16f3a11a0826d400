import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { AuthLimits } from './auth/auth-limits.ts';
import { TokenVersions } from './auth/token-versions.ts';
import { createTokenService } from './auth/tokens.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createAnswerEngines } from './conversations/answer-engines.ts';
import { AnswerRunner } from './conversations/answer-runner.ts';
import { startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateUp, openOrm } from './db/orm.ts';
import { createFlashcardEngines } from './flashcards/flashcard-engines.ts';
import { startQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';
import { LiveEventCache } from './live/live-event-cache.ts';
import { joinAttemptLimiter } from './live/live-service.ts';
import { createMetrics } from './metrics.ts';
import { createAppPubSub } from './pubsub.ts';
import { createQuizEngines } from './quizzes/quiz-engines.ts';
import { createRetrieval } from './retrieval/setup.ts';
import type { Services } from './services.ts';
import { createStudyGuideEngines } from './study-guides/study-guide-engines.ts';

const EMBEDDED_PORT = 54329;
// Any fixed 64-bit key: only one process at a time applies migrations.
const MIGRATION_LOCK = 7_231_004_117;

export function createLogger(config: Config): Logger {
  return pino({
    level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
    base: { role: config.ROLE },
  });
}

/**
 * Everything the roles share: the database (embedded when DATABASE_URL is unset), migrations applied,
 * and the long-lived services. Returns a `shutdown` that releases them in reverse order.
 */
export async function bootstrap(config: Config, logger = createLogger(config)) {
  const cleanup: Array<() => Promise<void>> = [];
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const started = Date.now();
    const embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: EMBEDDED_PORT,
      log: (line) => logger.debug({ postgres: line }),
    });
    databaseUrl = embedded.url;
    cleanup.push(() => embedded.stop());
    logger.info({ ms: Date.now() - started }, 'embedded PostgreSQL ready');
  }
  const orm = await openOrm(databaseUrl);
  cleanup.push(() => orm.close());
  await migrateWithLock(orm);
  const queue = await startQueue(databaseUrl, config.JOB_QUEUE_SCHEMA, logger);
  cleanup.push(() => queue.stop({ graceful: true, timeout: 5000 }));
  const retrieval = await createRetrieval(config, databaseUrl, logger);
  cleanup.push(() => retrieval.close());
  const { fallback, ...embedder } = retrieval.embedders.status;
  if (fallback) logger.warn({ embedder, reason: fallback.reason, fix: fallback.fix }, 'embedder fallback');
  else logger.info({ embedder }, 'embedder ready');
  if (retrieval.reranker) logger.info({ reranker: retrieval.reranker.id }, 'reranking search results');

  const metrics = createMetrics();
  metrics.watchQueue(queue);
  const { pubsub, close: closePubSub } = createAppPubSub(config.REDIS_URL);
  cleanup.push(closePubSub);
  const answers = new AnswerRunner({
    orm,
    pubsub,
    logger,
    embedder: retrieval.embedder,
    embedders: retrieval.embedders,
    vectorStore: retrieval.vectorStore,
    reranker: retrieval.reranker,
    engines: createAnswerEngines(config),
    metrics,
  });
  cleanup.push(() => answers.abortAll());
  const services: Services = {
    config,
    orm,
    logger,
    tokens: createTokenService(config.JWT_SECRET),
    authLimits: new AuthLimits({ signUpsPerAddressPerHour: config.SIGNUP_LIMIT_PER_ADDRESS }),
    tokenVersions: new TokenVersions(orm),
    pubsub,
    queue,
    embedder: retrieval.embedder,
    embedders: retrieval.embedders,
    vectorStore: retrieval.vectorStore,
    reranker: retrieval.reranker,
    answers,
    metrics,
    quizEngines: createQuizEngines(config),
    liveEvents: new LiveEventCache(),
    joinAttempts: joinAttemptLimiter(),
    flashcardEngines: createFlashcardEngines(config),
    studyGuideEngines: createStudyGuideEngines(config),
    clock: systemClock,
  };
  if (config.ROLE !== 'api') {
    const workers = await startWorkers(services, { concurrency: config.WORKER_CONCURRENCY });
    cleanup.push(() => workers.stop());
  }
  return {
    services,
    databaseUrl,
    async shutdown() {
      for (const step of cleanup.reverse())
        await step().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
    },
  };
}

async function migrateWithLock(orm: MikroORM) {
  const connection = orm.em.getConnection();
  await connection.execute(`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migrateUp(orm);
  } finally {
    await connection.execute(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
