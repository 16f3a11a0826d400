import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DocumentDocument } from '../generated/operations.ts';
import { type Actor, createRoom, createUser, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import {
  type ApiProcess,
  startApiProcess,
  startWorkerProcess,
  type WorkerProcess,
} from '../helpers/process.ts';
import { CORPUS_DIR } from '../unit/ingest/fixtures.ts';

/**
 * Separate processes, as in production: an API (ROLE=api) and workers (ROLE=worker) sharing one database and
 * one pg-boss schema. A worker killed with SIGKILL mid-ingest stops heart-beating; pg-boss hands the job to
 * another worker, and the rerun must leave exactly one set of chunks and vectors.
 */

const databaseUrl = inject('databaseUrl');
const queueSchema = `jobs_dur_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const env = { DATABASE_URL: databaseUrl, JOB_QUEUE_SCHEMA: queueSchema };

let api: ApiProcess;
let db: pg.Client;
const workers: WorkerProcess[] = [];
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  api = await startApiProcess({ ...env, ROLE: 'api' });
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  owner = await createUser(api.url, 'Durability Owner');
  roomId = (await createRoom(api.url, owner, 'Durability')).id;
});
afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL');
  await api?.stop();
  await db?.end();
});

const rawId = (globalId: string) => decodeGlobalID(globalId).id;

async function statusOf(id: string) {
  const result = await request(api.url, DocumentDocument, { id }, owner.token);
  const node = result.data?.node;
  if (!node || node.__typename !== 'Document') throw new Error(JSON.stringify(result));
  return node;
}

async function jobOf(documentId: string) {
  const { rows } = await db.query<{ state: string; retry_count: number }>(
    `select j.state, j.retry_count from "${queueSchema}".job j
       join document d on d.job_id = j.id::text where d.id = $1`,
    [documentId],
  );
  return rows[0];
}

describe('a worker killed with SIGKILL mid-ingest', () => {
  it('is replaced by another worker; the document completes with no duplicate chunks or vectors', async () => {
    const first = await startWorkerProcess(env);
    workers.push(first);
    const pdf = await makePdf(
      Array.from({ length: 400 }, (_, p) =>
        Array.from(
          { length: 25 },
          (_, l) => `Durability page ${p + 1} line ${l + 1}: the citric acid cycle regenerates oxaloacetate.`,
        ),
      ),
    );
    const upload = await uploadFile(api.url, owner.token, roomId, pdf, 'durable.pdf');
    expect(upload.body.errors).toBeUndefined();
    const id = upload.body.data!.uploadDocument.id;

    for (let i = 0; (await statusOf(id)).status !== 'PROCESSING'; i++) {
      if (i > 2000) throw new Error('the document never started processing');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed by the signal, no exit code
    expect((await statusOf(id)).status).toBe('PROCESSING');

    workers.push(await startWorkerProcess(env));
    const done = await waitForDocument(api.url, owner.token, id, 150_000);
    expect(done).toMatchObject({ status: 'READY', pageCount: 400, error: null });
    const chunkCount = done.chunkCount;
    expect(chunkCount).toBeGreaterThan(100);

    const documentId = rawId(id);
    const chunks = await db.query<{ id: string; ordinal: number }>(
      'select id, ordinal from chunk where document_id = $1 order by ordinal',
      [documentId],
    );
    expect(chunks.rows).toHaveLength(chunkCount);
    expect(chunks.rows.map((row) => row.ordinal)).toEqual(Array.from({ length: chunkCount }, (_, i) => i));
    const vectors = await db.query<{ chunk_id: string }>(
      'select chunk_id from vector_entry where document_id = $1',
      [documentId],
    );
    expect(vectors.rows).toHaveLength(chunkCount);
    expect(new Set(vectors.rows.map((row) => row.chunk_id))).toEqual(
      new Set(chunks.rows.map((row) => row.id)),
    );

    // The job was retried after the kill (the second worker ran attempt 2 or later).
    const job = await jobOf(documentId);
    expect(job).toMatchObject({ state: 'completed' });
    expect(job!.retry_count).toBeGreaterThanOrEqual(1);
  }, 240_000);
});

describe('a permanent failure', () => {
  const encrypted = resolve(CORPUS_DIR, 'pdf/pysamples-libreoffice-writer-password.pdf');
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    [
      'a damaged PDF',
      () => new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage'),
      /damaged or incomplete/,
    ],
    ...(existsSync(encrypted)
      ? [
          ['an encrypted PDF', () => new Uint8Array(readFileSync(encrypted)), /password-protected/] as [
            string,
            () => Uint8Array,
            RegExp,
          ],
        ]
      : []),
  ];

  it.each(cases)('(%s) fails on the first attempt, without retries', async (_name, bytes, message) => {
    if (workers.every((w) => w.child.exitCode !== null || w.child.signalCode !== null)) {
      workers.push(await startWorkerProcess(env));
    }
    const upload = await uploadFile(api.url, owner.token, roomId, bytes(), 'broken.pdf');
    const id = upload.body.data!.uploadDocument.id;
    const done = await waitForDocument(api.url, owner.token, id, 60_000);
    expect(done).toMatchObject({ status: 'FAILED', error: expect.stringMatching(message) });
    // The handler finished the job itself: completed on attempt 0, nothing left to retry.
    expect(await jobOf(rawId(id))).toEqual({ state: 'completed', retry_count: 0 });
  });
});
