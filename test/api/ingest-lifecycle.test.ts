import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/jobs/queue.ts';
import {
  CancelDocumentIngestionDocument,
  DeleteDocumentDocument,
  DocumentChunksDocument,
  DocumentDocument,
  SearchDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, errorCode, request } from '../helpers/client.ts';
import { makePdf, replaceFile, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Lifecycle Owner');
  roomId = (await createRoom(server.url, owner, 'Lifecycle')).id;
});
afterAll(() => server.close());

const rawId = (globalId: string) => decodeGlobalID(globalId).id;

async function sql<T>(target: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return target.services.orm.em.fork().getConnection().execute(query, params);
}

async function storedState(target: TestServer, globalId: string) {
  const id = rawId(globalId);
  const [row] = await sql<{ chunks: number; blobs: number }>(
    target,
    `select (select count(*)::int from chunk where document_id = ?) as chunks,
            (select count(*)::int from document_blob where key = ?) as blobs`,
    [id, id],
  );
  const document = await target.services.orm.em
    .fork()
    .getConnection()
    .execute('select room_id from document where id = ?', [id]);
  const vectors = document[0]
    ? await target.services.vectorStore.count(document[0].room_id as string, id)
    : Number.NaN;
  return { chunks: row!.chunks, blobs: row!.blobs, vectors };
}

async function documentStatus(target: TestServer, token: string, id: string) {
  const result = await request(target.url, DocumentDocument, { id }, token);
  const node = result.data?.node;
  if (!node || node.__typename !== 'Document') throw new Error(JSON.stringify(result));
  return node;
}

async function waitForStatus(target: TestServer, token: string, id: string, statuses: string[]) {
  for (let i = 0; i < 1200; i++) {
    const node = await documentStatus(target, token, id);
    if (statuses.includes(node.status)) return node;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`document ${id} never reached ${statuses.join('/')}`);
}

/** A text PDF of `count` pages, big enough that its ingestion is still running when the test acts. */
function bigPdf(count: number, marker: string) {
  return makePdf(
    Array.from({ length: count }, (_, p) =>
      Array.from(
        { length: 30 },
        (_, l) => `${marker} page ${p + 1} line ${l + 1}: enzymes lower the activation energy of reactions.`,
      ),
    ),
  );
}

describe('cancelDocumentIngestion', () => {
  it('stops a running ingestion: FAILED with "cancelled", no chunks and no vectors, the job does not finish it', async () => {
    const upload = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await bigPdf(300, 'cancel-run'),
      'big.pdf',
    );
    const id = upload.body.data!.uploadDocument.id;
    await waitForStatus(server, owner.token, id, ['PROCESSING']);

    const cancelled = await call(server.url, CancelDocumentIngestionDocument, { id }, owner.token);
    expect(cancelled.cancelDocumentIngestion).toMatchObject({ id, status: 'FAILED', error: 'cancelled' });

    // The pool has one extraction thread: a document uploaded now is read only after the cancelled one's
    // extraction has ended, so by its READY the cancelled job has passed its next cancellation check.
    const control = await uploadFile(
      server.url,
      owner.token,
      roomId,
      new TextEncoder().encode('# Control\n\nCatalase breaks hydrogen peroxide into water and oxygen.'),
      'control.md',
    );
    expect(
      (await waitForDocument(server.url, owner.token, control.body.data!.uploadDocument.id)).status,
    ).toBe('READY');
    expect(await documentStatus(server, owner.token, id)).toMatchObject({
      status: 'FAILED',
      error: 'cancelled',
      chunkCount: 0,
    });
    expect(await storedState(server, id)).toMatchObject({ chunks: 0, vectors: 0 });
    // A second cancel is refused: there is nothing left to stop.
    expect(errorCode(await request(server.url, CancelDocumentIngestionDocument, { id }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('a server without workers and with a 10 KB upload limit', () => {
  let apiOnly: TestServer;
  let apiOwner: Actor;
  let apiRoom: string;
  beforeAll(async () => {
    apiOnly = await startTestServer({ ROLE: 'api', UPLOAD_MAX_BYTES: '10240' });
    apiOwner = await createUser(apiOnly.url, 'Api Owner');
    apiRoom = (await createRoom(apiOnly.url, apiOwner, 'No workers')).id;
  });
  afterAll(() => apiOnly.close());

  it('cancels a queued ingestion, and its job is cancelled in the queue', async () => {
    const upload = await uploadFile(
      apiOnly.url,
      apiOwner.token,
      apiRoom,
      new TextEncoder().encode('# Queued\n\nNobody will ever read this file, since no worker runs.'),
      'queued.md',
    );
    const { id, status } = upload.body.data!.uploadDocument;
    expect(status).toBe('QUEUED');
    const [{ job_id: jobId }] = await sql<{ job_id: string }>(
      apiOnly,
      'select job_id from document where id = ?',
      [rawId(id)],
    );
    expect((await apiOnly.services.queue.getJobById(QUEUES.ingest, jobId))?.state).toBe('created');

    const cancelled = await call(apiOnly.url, CancelDocumentIngestionDocument, { id }, apiOwner.token);
    expect(cancelled.cancelDocumentIngestion).toMatchObject({ status: 'FAILED', error: 'cancelled' });
    expect((await apiOnly.services.queue.getJobById(QUEUES.ingest, jobId))?.state).toBe('cancelled');
    expect(await storedState(apiOnly, id)).toMatchObject({ chunks: 0, vectors: 0 });
  });

  it('refuses an upload over UPLOAD_MAX_BYTES with PAYLOAD_TOO_LARGE naming the limit', async () => {
    const bytes = new TextEncoder().encode(`# Big\n\n${'Mitosis has four phases. '.repeat(1000)}`);
    expect(bytes.length).toBeGreaterThan(20_000);
    const upload = await uploadFile(apiOnly.url, apiOwner.token, apiRoom, bytes, 'big.md');
    expect(upload.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/the largest accepted upload is 10\.0 KB$/),
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    // Nothing was stored for it.
    const [{ n }] = await sql<{ n: number }>(
      apiOnly,
      'select count(*)::int as n from document where room_id = ? and filename = ?',
      [rawId(apiRoom), 'big.md'],
    );
    expect(n).toBe(0);
  });
});

describe('deleteDocument', () => {
  it('removes the stored bytes with the chunks and vectors', async () => {
    const upload = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await makePdf([['Deletion', 'Lysosomes digest worn-out organelles with hydrolytic enzymes.']]),
      'lysosomes.pdf',
    );
    const id = upload.body.data!.uploadDocument.id;
    expect((await waitForDocument(server.url, owner.token, id)).status).toBe('READY');
    const before = await storedState(server, id);
    expect(before.blobs).toBe(1);
    expect(before.chunks).toBeGreaterThan(0);
    expect(before.vectors).toBe(before.chunks);

    await call(server.url, DeleteDocumentDocument, { id }, owner.token);
    const [row] = await sql<{ chunks: number; blobs: number; documents: number; vectors: number }>(
      server,
      `select (select count(*)::int from chunk where document_id = ?) as chunks,
              (select count(*)::int from document_blob where key = ?) as blobs,
              (select count(*)::int from document where id = ?) as documents,
              (select count(*)::int from vector_entry where document_id = ?) as vectors`,
      [rawId(id), rawId(id), rawId(id), rawId(id)],
    );
    expect(row).toEqual({ chunks: 0, blobs: 0, documents: 0, vectors: 0 });
  });
});

/** Sections that each make their own chunks, so changing one leaves the others' chunk texts identical. */
function studyNotes(changed: boolean) {
  const sections = [
    'Glycolysis',
    'Krebs cycle',
    'Electron transport',
    'Fermentation',
    'Photosynthesis',
    'Calvin cycle',
  ];
  return new TextEncoder().encode(
    sections
      .map((name, i) => {
        const body = Array.from(
          { length: 14 },
          (_, s) =>
            `${name} note ${s + 1}: this sentence explains step ${s + 1} of ${name.toLowerCase()} in plain words for revision.`,
        ).join(' ');
        const extra =
          i === 3
            ? changed
              ? ' Yeast ferments sugar into ethanol and carbon dioxide when oxygen runs out, said the zymurgist.'
              : ' Muscle cells ferment pyruvate into lactate during a sprint, said the physiologist.'
            : '';
        return `# ${name}\n\n${body}${extra}`;
      })
      .join('\n\n'),
  );
}

describe('replaceDocument', () => {
  let fake: FakeOpenAI;
  let embedServer: TestServer;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ embeddingDimensions: 32 });
    embedServer = await startTestServer({
      EMBEDDING_MODEL: 'fake-embedding',
      EMBEDDING_DIMENSIONS: '32',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'test-key',
    });
  });
  afterAll(async () => {
    await embedServer?.close();
    await fake?.close();
  });

  const embeddedTexts = (from: number) =>
    fake.requests
      .slice(from)
      .filter((r) => r.path === '/v1/embeddings')
      .flatMap((r) => (Array.isArray(r.body.input) ? r.body.input : [r.body.input]) as string[]);

  async function chunkTexts(target: TestServer, token: string, id: string) {
    const data = await call(target.url, DocumentChunksDocument, { id, first: 500 }, token);
    return (data.node as { chunks: { edges: Array<{ node: { text: string } }> } }).chunks.edges.map(
      (e) => e.node.text,
    );
  }

  it('re-ingests a new version: version 2, READY, new text searchable, old text gone, unchanged chunks not re-embedded', async () => {
    const user = await createUser(embedServer.url, 'Replacer');
    const room = (await createRoom(embedServer.url, user, 'Replace')).id;

    const v1Requests = fake.requests.length;
    const upload = await uploadFile(embedServer.url, user.token, room, studyNotes(false), 'respiration.md');
    const id = upload.body.data!.uploadDocument.id;
    expect(await waitForDocument(embedServer.url, user.token, id)).toMatchObject({
      status: 'READY',
      version: 1,
    });
    const v1Chunks = await chunkTexts(embedServer, user.token, id);
    expect(v1Chunks.length).toBeGreaterThan(3);
    // Version 1: every chunk went through the embeddings endpoint.
    expect(new Set(embeddedTexts(v1Requests))).toEqual(new Set(v1Chunks));

    const v2Requests = fake.requests.length;
    const replaced = await replaceFile(
      embedServer.url,
      user.token,
      id,
      studyNotes(true),
      'respiration-v2.md',
    );
    expect(replaced.body.errors).toBeUndefined();
    expect(replaced.body.data!.replaceDocument).toMatchObject({ id, version: 2 });
    expect(await waitForDocument(embedServer.url, user.token, id)).toMatchObject({
      status: 'READY',
      version: 2,
      filename: 'respiration-v2.md',
    });
    const v2Chunks = await chunkTexts(embedServer, user.token, id);
    const changed = v2Chunks.filter((text) => !v1Chunks.includes(text));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(v2Chunks.length);
    // Only the chunks whose text changed were sent to /v1/embeddings.
    expect(embeddedTexts(v2Requests).sort()).toEqual([...changed].sort());

    const newHits = await call(
      embedServer.url,
      SearchDocument,
      { roomId: room, query: 'yeast ferments sugar into ethanol zymurgist', limit: 5 },
      user.token,
    );
    expect(newHits.search[0]?.chunk.text).toContain('zymurgist');
    expect(v2Chunks.some((text) => text.includes('physiologist'))).toBe(false);
    const oldHits = await call(
      embedServer.url,
      SearchDocument,
      { roomId: room, query: 'lactate physiologist sprint', limit: 10 },
      user.token,
    );
    expect(oldHits.search.some((hit) => hit.chunk.text.includes('physiologist'))).toBe(false);
    // Chunk rows and vectors agree for the new version.
    expect(await storedState(embedServer, id)).toMatchObject({
      chunks: v2Chunks.length,
      vectors: v2Chunks.length,
    });
  });

  it('replacing a document while its ingestion runs ingests the new version, not the old one', async () => {
    const upload = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await bigPdf(200, 'replace-run'),
      'old.pdf',
    );
    const id = upload.body.data!.uploadDocument.id;
    await waitForStatus(server, owner.token, id, ['PROCESSING']);
    const replaced = await replaceFile(
      server.url,
      owner.token,
      id,
      await makePdf([
        ['Version two', 'Peroxisomes break down very long chain fatty acids by beta oxidation.'],
      ]),
      'new.pdf',
    );
    expect(replaced.body.data!.replaceDocument).toMatchObject({ version: 2, status: 'QUEUED' });
    const done = await waitForDocument(server.url, owner.token, id, 120_000);
    expect(done).toMatchObject({ status: 'READY', version: 2, pageCount: 1 });
    const texts = await chunkTexts(server, owner.token, id);
    expect(texts.join(' ')).toContain('Peroxisomes');
    expect(texts.join(' ')).not.toContain('replace-run');
    expect(await storedState(server, id)).toMatchObject({ chunks: texts.length, vectors: texts.length });
  });
});
