import type { PgBoss } from 'pg-boss';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { QUEUES } from './jobs/queue.ts';

/** Prometheus metrics of one process, served at GET /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operation execution time by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'websocket_connections',
      help: 'Open graphql-ws connections',
      registers: [registry],
    }),
    subscriptions: new Gauge({
      name: 'graphql_subscriptions',
      help: 'Active subscriptions',
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'job_duration_seconds',
      help: 'Background job run time by queue and outcome',
      labelNames: ['queue', 'outcome'],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    ingestPages: new Counter({ name: 'ingest_pages_total', help: 'Pages extracted', registers: [registry] }),
    llmTokens: new Counter({
      name: 'llm_tokens_total',
      help:
        'LLM tokens by direction (in = prompt, out = completion), purpose (answer, quiz, deck, study_guide, ' +
        'grading, unattributed) and source (provider-reported or tokenizer estimate)',
      labelNames: ['direction', 'purpose', 'source'],
      registers: [registry],
    }),
    uploads: new Counter({
      name: 'uploads_total',
      help: 'Files stored by uploadDocument and replaceDocument (counted against upload budgets)',
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: 'upload_bytes_total',
      help: 'Bytes stored by uploadDocument and replaceDocument',
      registers: [registry],
    }),
    budgetRefusals: new Counter({
      name: 'budget_refusals_total',
      help: 'Requests refused RATE_LIMITED by a room budget, by budget name (docs/school.md)',
      labelNames: ['budget'],
      registers: [registry],
    }),
    /** Queue depth is read from pg-boss when scraped. */
    watchQueue(queue: PgBoss) {
      new Gauge({
        name: 'job_queue_depth',
        help: 'Jobs waiting (queued) and running (active) per queue',
        labelNames: ['queue', 'state'],
        registers: [registry],
        async collect() {
          for (const name of Object.values(QUEUES)) {
            const stats = await queue.getQueue(name).catch(() => null);
            if (!stats) continue;
            this.set({ queue: name, state: 'queued' }, stats.queuedCount);
            this.set({ queue: name, state: 'active' }, stats.activeCount);
          }
        },
      });
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
