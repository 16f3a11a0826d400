import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelDocumentIngestionDocument, RetryDocumentIngestionDocument } from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let stranger: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer, stranger] = await Promise.all([
    createUser(server.url, 'File Owner'),
    createUser(server.url, 'File Viewer'),
    createUser(server.url, 'Stranger'),
  ]);
  roomId = (await createRoom(server.url, owner, 'Files')).id;
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
});
afterAll(() => server.close());

const fileUrl = (id: string) => `${server.origin}/documents/${encodeURIComponent(id)}/file`;
const get = (id: string, token?: string) =>
  fetch(fileUrl(id), { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /documents/{id}/file', () => {
  it('gives members the original bytes and everyone else nothing', async () => {
    const bytes = await makePdf([['The mitochondrion is the powerhouse of the cell.']]);
    const upload = await uploadFile(server.url, owner.token, roomId, bytes, 'cell biology.pdf');
    const id = upload.body.data!.uploadDocument.id;

    for (const member of [owner, viewer]) {
      const response = await get(id, member.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''cell%20biology.pdf");
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
    // A non-member and an anonymous caller cannot tell the document from a missing one.
    expect((await get(id, stranger.token)).status).toBe(404);
    expect((await get(id)).status).toBe(404);
    expect((await get('RG9jdW1lbnQ6bm9uZQ==', owner.token)).status).toBe(404);
    expect((await get(id, 'not-a-token')).status).toBe(401);
  });

  it('sends files other than PDFs as downloads, never as a page of the API origin', async () => {
    const markdown = new TextEncoder().encode('# Notes\n\n<script>alert(1)</script> Osmosis moves water.');
    const upload = await uploadFile(server.url, owner.token, roomId, markdown, 'notes.md');
    const response = await get(upload.body.data!.uploadDocument.id, owner.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('retryDocumentIngestion', () => {
  it('ingests a cancelled document again, as a new version, to READY', async () => {
    const pages = Array.from({ length: 120 }, (_, p) =>
      Array.from({ length: 30 }, (_, l) => `retry page ${p + 1} line ${l + 1}: ribosomes build proteins.`),
    );
    const upload = await uploadFile(server.url, owner.token, roomId, await makePdf(pages), 'long.pdf');
    const id = upload.body.data!.uploadDocument.id;
    await call(server.url, CancelDocumentIngestionDocument, { id }, owner.token);

    const retried = await call(server.url, RetryDocumentIngestionDocument, { id }, owner.token);
    expect(retried.retryDocumentIngestion).toMatchObject({ id, status: 'QUEUED', version: 2, error: null });
    const done = await waitForDocument(server.url, owner.token, id);
    expect(done).toMatchObject({ status: 'READY', version: 2, pageCount: 120 });
    expect(done.chunkCount).toBeGreaterThan(0);
  });

  it('runs a failed file again and ends with the same message; refuses documents that did not fail', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<');
    const upload = await uploadFile(server.url, owner.token, roomId, damaged, 'damaged.pdf');
    const id = upload.body.data!.uploadDocument.id;
    const failed = await waitForDocument(server.url, owner.token, id);
    expect(failed.status).toBe('FAILED');

    await call(server.url, RetryDocumentIngestionDocument, { id }, owner.token);
    const again = await waitForDocument(server.url, owner.token, id);
    expect(again).toMatchObject({ status: 'FAILED', error: failed.error, version: 2 });

    // Viewers may not, and a READY document has nothing to retry.
    expect(errorCode(await request(server.url, RetryDocumentIngestionDocument, { id }, viewer.token))).toBe(
      'FORBIDDEN',
    );
    const ready = await uploadFile(
      server.url,
      owner.token,
      roomId,
      new TextEncoder().encode('Diffusion moves particles down a gradient.'),
      'ready.txt',
    );
    const readyId = ready.body.data!.uploadDocument.id;
    await waitForDocument(server.url, owner.token, readyId);
    const refused = await request(server.url, RetryDocumentIngestionDocument, { id: readyId }, owner.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toBe('The document is ready; only a failed one can be retried');
  });
});
