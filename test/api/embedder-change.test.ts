import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reembedRoom } from '../../src/retrieval/reembed.ts';
import { SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, errorCode, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let original: TestServer;
let changed: TestServer;
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  original = await startTestServer();
  // Same database, same tokens, another embedder: 1,024 dimensions instead of 4,096.
  changed = await startTestServer({
    EMBEDDING_DIMENSIONS: '1024',
    JWT_SECRET: original.services.config.JWT_SECRET,
  });
  owner = await createUser(original.url);
  roomId = (await createRoom(original.url, owner)).id;
  const upload = await uploadFile(
    original.url,
    owner.token,
    roomId,
    await makePdf([['Glaciers carve U-shaped valleys.']]),
    'ice.pdf',
  );
  await waitForDocument(original.url, owner.token, upload.body.data!.uploadDocument.id);
});
afterAll(async () => {
  await changed.close();
  await original.close();
});

describe('a change of embedder', () => {
  it('is detected, reported with the re-embed command, never mixed, and fixed by re-embedding', async () => {
    const search = await request(
      changed.url,
      SearchDocument,
      { roomId, query: 'glacier valleys' },
      owner.token,
    );
    expect(errorCode(search)).toBe('SERVICE_UNAVAILABLE');
    expect(search.errors?.[0]?.message).toContain('local-hash-v1:4096');
    expect(search.errors?.[0]?.message).toContain(`npm run reembed -- --room ${decodeGlobalID(roomId).id}`);

    const upload = await uploadFile(
      changed.url,
      owner.token,
      roomId,
      await makePdf([['Moraines are ridges of debris.']]),
      'moraine.pdf',
    );
    const failed = await waitForDocument(changed.url, owner.token, upload.body.data!.uploadDocument.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/npm run reembed -- --room/);

    const count = await reembedRoom(
      changed.services.orm.em.fork() as EntityManager,
      changed.services,
      decodeGlobalID(roomId).id,
    );
    expect(count).toBeGreaterThan(0);
    const after = await call(changed.url, SearchDocument, { roomId, query: 'glacier valleys' }, owner.token);
    expect(after.search[0]?.chunk.text).toMatch(/Glaciers/);
    // Now the original server is the one out of step, and says so.
    expect(
      errorCode(await request(original.url, SearchDocument, { roomId, query: 'glacier' }, owner.token)),
    ).toBe('SERVICE_UNAVAILABLE');
  });
});
