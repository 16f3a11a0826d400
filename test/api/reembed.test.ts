/**
 * A room created under one embedder, served by a server configured with another: the background job moves
 * it to the new embedder while every search keeps answering from the old vectors, reports progress on
 * Room.reembedding, takes a document uploaded mid-move along, and switches without a failed search.
 * `npm run reembed` (reembedRoom) moves it back explicitly.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reembedRoom } from '../../src/retrieval/reembed.ts';
import { RoomEmbeddingDocument, SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { privateDatabaseUrl, startTestServer, type TestServer } from '../helpers/server.ts';
import { MODELS_DIR, modelPresent, reportMissingModel } from '../retrieval/model-fixture.ts';

reportMissingModel('background re-embedding');

const TOPICS = ['tides', 'comets', 'coral reefs', 'deserts', 'monsoons', 'aurora', 'caves', 'rivers'];

/** 32 pages, each about one topic with its own words, so the room has dozens of chunks to move. */
function bookPages(): string[][] {
  return Array.from({ length: 48 }, (_, page) => {
    const topic = TOPICS[page % TOPICS.length]!;
    const lines = Array.from(
      { length: 14 },
      (_, line) =>
        `Section ${page + 1}.${line + 1}: notes on ${topic}, observation ${page * 14 + line} in the field log.`,
    );
    if (page === 5) lines[3] = 'Glaciers carve U-shaped valleys as they grind slowly downhill.';
    return lines;
  });
}

describe.runIf(modelPresent)('moving a room to the configured embedder', () => {
  let before: TestServer;
  let databaseUrl: string;
  let owner: Actor;
  let roomId: string;

  beforeAll(async () => {
    // Both servers on one private database: the second one's worker moves every room of it.
    databaseUrl = await privateDatabaseUrl();
    before = await startTestServer({ EMBEDDER: 'local-hash', DATABASE_URL: databaseUrl });
    owner = await createUser(before.url);
    roomId = (await createRoom(before.url, owner)).id;
    const upload = await uploadFile(
      before.url,
      owner.token,
      roomId,
      await makePdf(bookPages()),
      'field-log.pdf',
    );
    const done = await waitForDocument(before.url, owner.token, upload.body.data!.uploadDocument.id, 120_000);
    expect(done.status).toBe('READY');
  }, 180_000);
  afterAll(() => before?.close());

  it('re-embeds in the background without a failed search, then serves the new vectors', async () => {
    const room = decodeGlobalID(roomId).id;
    const initial = await call(before.url, RoomEmbeddingDocument, { id: roomId }, owner.token);
    expect(initial.room?.embedder).toBe('local-hash-v1:4096');

    // Same database, now configured with the local model: its worker queues the room at start.
    const after = await startTestServer({
      EMBEDDER: 'local-model',
      MODELS_DIR,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: before.services.config.JWT_SECRET,
    });
    try {
      const failures: string[] = [];
      const progress: number[] = [];
      let searches = 0;
      let uploadedMidMove: string | undefined;
      const deadline = Date.now() + 240_000;
      for (;;) {
        const result = await request(
          after.url,
          SearchDocument,
          { roomId, query: 'glacier valleys' },
          owner.token,
        );
        searches++;
        const top = result.data?.search[0]?.chunk.text ?? '';
        if (result.errors?.length || !/Glaciers carve/.test(top)) {
          failures.push(JSON.stringify(result.errors ?? top.slice(0, 80)));
        }
        const state = await call(after.url, RoomEmbeddingDocument, { id: roomId }, owner.token);
        const moving = state.room?.reembedding;
        if (moving) {
          expect(moving.targetEmbedder).toBe('bge-small-en-v1.5-q8:384');
          expect(state.room?.embedder).toBe('local-hash-v1:4096');
          progress.push(moving.done);
          if (!uploadedMidMove && moving.done > 0) {
            const upload = await uploadFile(
              after.url,
              owner.token,
              roomId,
              await makePdf([['Moraines are ridges of rock debris that a glacier leaves at its edges.']]),
              'moraine.pdf',
            );
            uploadedMidMove = upload.body.data!.uploadDocument.id;
          }
        } else if (state.room?.embedder === 'bge-small-en-v1.5-q8:384') {
          break;
        }
        if (Date.now() > deadline)
          throw new Error(`the move did not finish; progress seen: ${progress.join(',')}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(failures).toEqual([]);
      expect(searches).toBeGreaterThan(3);
      // Seen mid-way: progress rose while searches went on.
      expect(progress.some((done) => done > 0)).toBe(true);
      expect(progress.at(-1)).toBeGreaterThanOrEqual(progress[0]!);

      expect(uploadedMidMove).toBeDefined();
      expect((await waitForDocument(after.url, owner.token, uploadedMidMove!, 120_000)).status).toBe('READY');
      const moraine = await call(
        after.url,
        SearchDocument,
        { roomId, query: 'ridges of debris at the edge of ice' },
        owner.token,
      );
      expect(moraine.search[0]?.chunk.text).toMatch(/Moraines/);
      const glacier = await call(
        after.url,
        SearchDocument,
        { roomId, query: 'glacier valleys' },
        owner.token,
      );
      expect(glacier.search[0]?.chunk.text).toMatch(/Glaciers carve/);

      // The old vectors go once no search can still be reading them.
      await expect.poll(() => after.services.vectorStore.count(room), { timeout: 20_000 }).toBe(0);

      // The other server still searches the room (it embeds queries with the room's embedder now), and the
      // explicit command moves it back.
      const fromBefore = await call(
        before.url,
        SearchDocument,
        { roomId, query: 'glacier valleys' },
        owner.token,
      );
      expect(fromBefore.search[0]?.chunk.text).toMatch(/Glaciers carve/);
      const back = await reembedRoom(before.services.orm.em.fork() as EntityManager, before.services, room, {
        dropGraceMs: 0,
      });
      expect(back).toMatchObject({ from: 'bge-small-en-v1.5-q8:384', to: 'local-hash-v1:4096' });
      expect(back.chunks).toBeGreaterThan(20);
      const returned = await call(before.url, RoomEmbeddingDocument, { id: roomId }, owner.token);
      expect(returned.room).toMatchObject({ embedder: 'local-hash-v1:4096', reembedding: null });
    } finally {
      await after.close();
    }
  }, 360_000);
});
