import type { Logger } from 'pino';
import { AuthLimits } from './auth/auth-limits.ts';
import { TokenVersions } from './auth/token-versions.ts';
import { createTokenService } from './auth/tokens.ts';
import { llmUsageRecorder } from './budgets/usage-service.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { type AnswerEngines, createAnswerEngines } from './conversations/answer-engines.ts';
import { AnswerRunner } from './conversations/answer-runner.ts';
import { type DatabaseInfo, startDatabase } from './db/database.ts';
import { migrateWithLock, openOrm } from './db/orm.ts';
import { createFlashcardEngines } from './flashcards/flashcard-engines.ts';
import { startQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';
import { LiveEventCache } from './live/live-event-cache.ts';
import { joinAttemptLimiter } from './live/live-service.ts';
import { LlmMeter } from './llm/llm-meter.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createAppPubSub } from './pubsub.ts';
import { createQuizEngines } from './quizzes/quiz-engines.ts';
import type { Embedder } from './retrieval/ports.ts';
import { createRetrieval } from './retrieval/setup.ts';
import type { Services } from './services.ts';
import { createStudyGuideEngines } from './study-guides/study-guide-engines.ts';

export interface BootstrapOptions {
  answerEngines?: (embedder: Embedder) => AnswerEngines;
}

/**
 * Everything the roles share: the database (embedded when DATABASE_URL is unset), migrations applied,
 * and the long-lived services. Returns a `shutdown` that releases them in reverse order. A failure part
 * way releases what was already started (never an embedded PostgreSQL left running) and rethrows.
 * `database`, when given, is one startDatabase already started (main.ts starts it while the app loads);
 * bootstrap then owns it. `answerEngines` replaces the configured answer engines (evaluations compare
 * engines over the same retrieval).
 */
export async function bootstrap(
  config: Config,
  logger = createLogger(config),
  database?: DatabaseInfo,
  options: BootstrapOptions = {},
) {
  const cleanup: Array<() => Promise<void>> = [];
  const shutdown = async () => {
    for (const step of cleanup.reverse())
      await step().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    return { ...(await wire(config, logger, cleanup, database, options)), shutdown };
  } catch (error) {
    await shutdown();
    throw error;
  }
}

async function wire(
  config: Config,
  logger: Logger,
  cleanup: Array<() => Promise<void>>,
  started: DatabaseInfo | undefined,
  options: BootstrapOptions,
) {
  const database = started ?? (await startDatabase(config, logger));
  cleanup.push(() => database.stop());
  const databaseUrl = database.url;
  const orm = await openOrm(databaseUrl);
  cleanup.push(() => orm.close());
  await migrateWithLock(orm, databaseUrl);
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
  const llmMeter = new LlmMeter(
    llmUsageRecorder({
      sql: () => orm.em.getConnection(),
      metrics,
      // Tests replace services.clock to move through days: the counters follow it.
      now: () => services.clock.now(),
      onError: (error) => logger.error({ err: error }, 'recording LLM usage failed'),
    }),
  );
  const { pubsub, close: closePubSub } = createAppPubSub(config.REDIS_URL);
  cleanup.push(closePubSub);
  const answerEngines = (
    options.answerEngines ?? ((embedder) => createAnswerEngines(config, llmMeter, embedder))
  )(retrieval.embedder);
  const answers = new AnswerRunner({
    orm,
    pubsub,
    logger,
    embedder: retrieval.embedder,
    embedders: retrieval.embedders,
    vectorStore: retrieval.vectorStore,
    reranker: retrieval.reranker,
    engines: answerEngines,
    meter: llmMeter,
    metrics,
    coalesceMs: config.STREAM_COALESCE_MS,
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
    quizEngines: createQuizEngines(config, llmMeter),
    llmMeter,
    liveEvents: new LiveEventCache(),
    joinAttempts: joinAttemptLimiter(),
    flashcardEngines: createFlashcardEngines(config, llmMeter),
    studyGuideEngines: createStudyGuideEngines(config, llmMeter),
    clock: systemClock,
  };
  if (config.ROLE !== 'api') {
    const workers = await startWorkers(services, { concurrency: config.WORKER_CONCURRENCY });
    cleanup.push(() => workers.stop());
  }
  return { services, databaseUrl, database, answerEngine: answerEngines.engine };
}
