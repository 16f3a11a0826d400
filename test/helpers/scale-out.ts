import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createRoom, createUser } from './client.ts';
import { makePdf, uploadFile } from './documents.ts';
import { startApiProcess, startWorkerProcess, type WorkerProcess } from './process.ts';

/** A distinct generated book (its own content hash, so uploads never deduplicate): `pages` pages of prose. */
export function makeBook(label: string, pages: number): Promise<Uint8Array> {
  const topics = ['rivers', 'glaciers', 'volcanoes', 'deserts', 'forests', 'oceans', 'mountains', 'wetlands'];
  return makePdf(
    Array.from({ length: pages }, (_, page) =>
      Array.from({ length: 28 }, (_, line) => {
        const topic = topics[(page + line) % topics.length];
        return `${label} page ${page + 1} line ${line + 1}: the study of ${topic} explains how ${topic} shape the land over time.`;
      }),
    ),
  );
}

/**
 * Records every state change of a pg-boss job with the application_name of the connection that made it.
 * pg-boss names its pool's connections `pgboss:<first 8 chars of its instance id>` and registers the
 * instance (id, pid) in `<schema>.instance`, so each transition maps to the worker process that made it.
 * The audit table lives in its own schema, outside pg-boss's.
 */
export async function installJobAudit(client: pg.Client, jobSchema: string) {
  const audit = `${jobSchema}_audit`;
  await client.query(`create schema ${audit}`);
  await client.query(
    `create table ${audit}.transition (job_id uuid not null, name text not null, state text not null,
       app text not null, at timestamptz not null default clock_timestamp())`,
  );
  await client.query(
    `create function ${audit}.record() returns trigger language plpgsql as $$
     begin
       if new.state is distinct from old.state then
         insert into ${audit}.transition (job_id, name, state, app)
         values (new.id, new.name, new.state::text, current_setting('application_name'));
       end if;
       return null;
     end $$`,
  );
  await client.query(
    `create trigger studyroom_test_audit after update on ${jobSchema}.job
     for each row execute function ${audit}.record()`,
  );
  return audit;
}

export async function connect(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Waits until no document of the given filename prefix is QUEUED or PROCESSING; returns their rows. */
export async function waitIngested(
  client: pg.Client,
  filenamePrefix: string,
  count: number,
  timeoutMs: number,
) {
  const started = Date.now();
  for (;;) {
    const { rows } = await client.query<{
      id: string;
      status: string;
      chunk_count: number;
      error: string | null;
    }>(`select id, status, chunk_count, error from document where filename like $1 order by filename`, [
      `${filenamePrefix}%`,
    ]);
    if (rows.length === count && rows.every((row) => row.status === 'READY' || row.status === 'FAILED'))
      return rows;
    if (Date.now() - started > timeoutMs)
      throw new Error(`not ingested after ${timeoutMs} ms: ${JSON.stringify(rows.map((row) => row.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The ingest jobs of a queue schema: states, retries and the span from first start to last completion. */
export async function ingestJobs(client: pg.Client, jobSchema: string) {
  const { rows } = await client.query<{
    id: string;
    state: string;
    retry_count: number;
    document_id: string;
    created_on: Date;
    started_on: Date | null;
    completed_on: Date | null;
  }>(
    `select id, state::text, retry_count, data->>'documentId' as document_id, created_on, started_on, completed_on
       from ${jobSchema}.job where name = 'ingest-document'`,
  );
  const first = Math.min(...rows.map((row) => row.started_on?.getTime() ?? Number.NaN));
  const last = Math.max(...rows.map((row) => row.completed_on?.getTime() ?? Number.NaN));
  return { rows, spanMs: last - first };
}

export interface ScaleOutRun {
  workers: number;
  documents: number;
  pagesPerDocument: number;
  /** Every worker ready (all 20 jobs already queued) → every document READY/FAILED (polled every 200 ms). */
  wallMs: number;
  /** pg-boss: first ingest job started → last one completed. */
  queueSpanMs: number;
  documentRows: { id: string; status: string; chunk_count: number; error: string | null }[];
  chunkRows: { document_id: string; chunks: number; ordinals: number; min: number; max: number }[];
  jobs: Awaited<ReturnType<typeof ingestJobs>>['rows'];
  /** Per job: the worker pids (from the pg-boss instance registry) that moved it to active / completed. */
  activations: { job_id: string; state: string; pid: number | null }[];
  workerPids: number[];
}

/**
 * One API process (ROLE=api) and `workers` worker processes on one database and one job-queue schema;
 * `documents` generated PDFs uploaded through the API, then everything measured from the database.
 */
export async function runScaleOut(options: {
  databaseUrl: string;
  workers: number;
  documents: number;
  pagesPerDocument: number;
  timeoutMs?: number;
}): Promise<ScaleOutRun> {
  const runId = randomUUID().replaceAll('-', '').slice(0, 12);
  const jobSchema = `jobs_${runId}`;
  const env = {
    DATABASE_URL: options.databaseUrl,
    JOB_QUEUE_SCHEMA: jobSchema,
    JWT_SECRET: randomUUID() + randomUUID(),
  };
  const books = await Promise.all(
    Array.from({ length: options.documents }, (_, i) =>
      makeBook(`Book ${runId} #${i + 1}`, options.pagesPerDocument),
    ),
  );
  const api = await startApiProcess({ ...env, ROLE: 'api' });
  const client = await connect(options.databaseUrl);
  const workers: WorkerProcess[] = [];
  try {
    const audit = await installJobAudit(client, jobSchema); // the api created the queue schema at start
    const user = await createUser(api.url, 'Scale Out');
    const room = await createRoom(api.url, user, `Scale out ${runId}`);
    const prefix = `scale-${runId}-`;
    // Every job is queued before any worker runs, so the timing measures the workers, not the uploads.
    for (const [i, bytes] of books.entries()) {
      const { status, body } = await uploadFile(
        api.url,
        user.token,
        room.id,
        bytes,
        `${prefix}${String(i).padStart(2, '0')}.pdf`,
      );
      if (status !== 200 || body.errors)
        throw new Error(`upload ${i}: ${status} ${JSON.stringify(body.errors)}`);
    }
    workers.push(
      ...(await Promise.all(Array.from({ length: options.workers }, () => startWorkerProcess(env)))),
    );
    const started = performance.now();
    const documentRows = await waitIngested(client, prefix, options.documents, options.timeoutMs ?? 300_000);
    const wallMs = performance.now() - started;
    const { rows: chunkRows } = await client.query(
      `select c.document_id, count(*)::int as chunks, count(distinct c.ordinal)::int as ordinals,
              min(c.ordinal) as min, max(c.ordinal) as max
         from chunk c join document d on d.id = c.document_id where d.filename like $1 group by c.document_id`,
      [`${prefix}%`],
    );
    const jobs = await ingestJobs(client, jobSchema);
    const { rows: activations } = await client.query(
      `select t.job_id, t.state, i.pid from ${audit}.transition t
         left join ${jobSchema}.instance i on t.app = 'pgboss:' || left(i.id::text, 8)
        where t.name = 'ingest-document' and t.state in ('active', 'completed') order by t.at`,
    );
    return {
      workers: options.workers,
      documents: options.documents,
      pagesPerDocument: options.pagesPerDocument,
      wallMs,
      queueSpanMs: jobs.spanMs,
      documentRows,
      chunkRows,
      jobs: jobs.rows,
      activations,
      workerPids: workers.map((worker) => worker.child.pid!),
    };
  } finally {
    await Promise.all([api.stop(), ...workers.map((worker) => worker.stop())]);
    await client.query(`drop schema if exists ${jobSchema}_audit cascade`).catch(() => undefined);
    await client.end();
  }
}
