import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';

export const QUEUES = {
  ingest: 'ingest-document',
  quiz: 'generate-quiz',
  flashcards: 'generate-flashcards',
  studyGuide: 'generate-study-guide',
  reembed: 'reembed-room',
} as const;

/** Who a job's LLM tokens are charged to (its payload carries it; see the worker and llm-meter.ts). */
export interface ChargedTo {
  roomId: string;
  userId: string;
}

export const chargeTo = (roomId: string, userId: string): { chargedTo: ChargedTo } => ({
  chargedTo: { roomId, userId },
});

/**
 * pg-boss in its own schema of the same database. A job whose worker dies (kill -9) stops sending
 * heartbeats and is retried by another worker after `heartbeatSeconds`; transient failures retry with
 * exponential backoff.
 */
export async function startQueue(databaseUrl: string, schema: string, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema, max: 5 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const common = {
    retryLimit: 4,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 60,
    heartbeatSeconds: 10,
    expireInSeconds: 15 * 60,
    deleteAfterSeconds: 7 * 24 * 3600,
  };
  // One re-embed per room at a time (singletonKey = room id); a big room may take longer than an ingest,
  // and an expired attempt simply resumes where it stopped.
  const reembed = { ...common, policy: 'exclusive', expireInSeconds: 6 * 3600 };
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name)))
      await boss.createQueue(name, name === QUEUES.reembed ? reembed : common);
  }
  return boss;
}
