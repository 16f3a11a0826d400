import { decodeGlobalID } from '@pothos/plugin-relay';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteDocumentDocument,
  DocumentChunksDocument,
  DocumentDocument,
  DocumentProgressDocument,
  RoomDocumentsDocument,
  SearchDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
  wsClient,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let outsider: Actor;
let roomId: string;

const PAGES = [
  ['Cell Biology Notes', 'The mitochondrion is the powerhouse of the cell and produces ATP.'],
  ['Chapter Two', 'Photosynthesis converts light energy into chemical energy inside chloroplasts.'],
  ['Chapter Three', 'Ribosomes translate messenger RNA into chains of amino acids called proteins.'],
];

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer, outsider] = await Promise.all(
    ['Owner', 'Viewer', 'Outsider'].map((n) => createUser(server.url, n)),
  );
  roomId = (await createRoom(server.url, owner, 'Biology')).id;
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
});
afterAll(() => server.close());

describe('upload to READY', () => {
  it('uploads a PDF over multipart, streams progress over WebSocket, and ends READY with page-accurate chunks', async () => {
    const pdf = await makePdf(PAGES);
    const upload = await uploadFile(server.url, owner.token, roomId, pdf, 'cells.pdf', {
      title: 'Cell notes',
    });
    expect(upload.body.errors).toBeUndefined();
    const { id, status, title } = upload.body.data!.uploadDocument;
    expect(title).toBe('Cell notes');
    expect(['QUEUED', 'PROCESSING', 'READY']).toContain(status);

    const client = wsClient(server.wsUrl, viewer.token);
    const events: Array<{ stage: string; progress: number; document: { status: string } | null }> = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(DocumentProgressDocument), variables: { documentId: id } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else events.push((value.data as { documentProgress: (typeof events)[number] }).documentProgress);
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(events.at(-1)).toMatchObject({ stage: 'READY', progress: 1, document: { status: 'READY' } });
    const progress = events.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const document = await waitForDocument(server.url, owner.token, id);
    expect(document).toMatchObject({
      status: 'READY',
      pageCount: 3,
      mimeType: 'application/pdf',
      error: null,
    });
    expect(document.chunkCount).toBeGreaterThan(0);

    const chunks = await call(server.url, DocumentChunksDocument, { id, first: 50 }, owner.token);
    const edges = (
      chunks.node as {
        chunks: { edges: Array<{ node: { text: string; pageStart: number; pageEnd: number } }> };
      }
    ).chunks.edges;
    for (const [pageIndex, lines] of PAGES.entries()) {
      const chunk = edges.find((edge) => edge.node.text.includes(lines[1]!));
      expect(chunk, `sentence of page ${pageIndex + 1}`).toBeDefined();
      expect(chunk!.node.pageStart).toBeLessThanOrEqual(pageIndex + 1);
      expect(chunk!.node.pageEnd).toBeGreaterThanOrEqual(pageIndex + 1);
    }

    const hits = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'what produces ATP in the cell?', limit: 3 },
      viewer.token,
    );
    expect(hits.search[0]?.chunk.text).toContain('mitochondrion');
    expect(hits.search[0]?.chunk.document).toEqual({ id, title: 'Cell notes' });
  });

  it('returns the existing document when the same bytes are uploaded again', async () => {
    const pdf = await makePdf([['Duplicate detection sample text for the test.']]);
    const first = await uploadFile(server.url, owner.token, roomId, pdf, 'a.pdf');
    const second = await uploadFile(server.url, owner.token, roomId, pdf, 'b.pdf');
    expect(second.body.data!.uploadDocument.id).toBe(first.body.data!.uploadDocument.id);
  });

  it('refuses uploads from viewers and outsiders', async () => {
    const bytes = new TextEncoder().encode('# Notes\n\nSome text.');
    expect(errorCode((await uploadFile(server.url, viewer.token, roomId, bytes, 'n.md')).body)).toBe(
      'FORBIDDEN',
    );
    expect(errorCode((await uploadFile(server.url, outsider.token, roomId, bytes, 'n.md')).body)).toBe(
      'NOT_FOUND',
    );
  });

  it('deletes a document with its chunks and vectors', async () => {
    const text = new TextEncoder().encode(
      'Deletion check: the zebrafish regenerates its heart after injury.',
    );
    const upload = await uploadFile(server.url, owner.token, roomId, text, 'zebrafish.txt');
    const id = upload.body.data!.uploadDocument.id;
    expect((await waitForDocument(server.url, owner.token, id)).status).toBe('READY');
    const before = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'zebrafish heart regeneration' },
      owner.token,
    );
    expect(before.search.some((hit) => hit.chunk.document.id === id)).toBe(true);

    expect(errorCode(await request(server.url, DeleteDocumentDocument, { id }, viewer.token))).toBe(
      'FORBIDDEN',
    );
    await call(server.url, DeleteDocumentDocument, { id }, owner.token);
    const after = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'zebrafish heart regeneration' },
      owner.token,
    );
    expect(after.search.some((hit) => hit.chunk.document.id === id)).toBe(false);
    expect((await request(server.url, DocumentDocument, { id }, owner.token)).data?.node).toBeNull();
    expect(await server.services.vectorStore.count(decodeGlobalID(roomId).id, decodeGlobalID(id).id)).toBe(0);
  });

  it('lists the room’s documents', async () => {
    const { room } = await call(server.url, RoomDocumentsDocument, { id: roomId }, viewer.token);
    expect(room.documents.edges.map((edge) => edge.node.title)).toContain('Cell notes');
  });
});
