/**
 * The API over a real Weaviate it does not own: search through Weaviate, a clear error and a failing
 * /readyz while Weaviate is down, an upload made meanwhile retried until it lands, and recovery without
 * restarting the API. Needs a private instance (the test stops it); under CI=true a missing binary fails.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningWeaviate,
  startWeaviate,
  weaviateBinaryPath,
} from '../../src/retrieval/weaviate-server.ts';
import { SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, errorCode, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { MODELS_DIR, modelPresent, reportMissingModel } from './model-fixture.ts';
import { scratchDir } from './store-fixtures.ts';

reportMissingModel('the API on Weaviate with the local model');

const hasBinary = existsSync(weaviateBinaryPath());
if (!hasBinary && process.env.CI) throw new Error(`CI needs the Weaviate binary at ${weaviateBinaryPath()}`);
if (!hasBinary)
  console.warn(
    `skipping the Weaviate API test: no binary at ${weaviateBinaryPath()} (npm run weaviate builds it)`,
  );

describe.runIf(hasBinary)('the API on Weaviate', () => {
  let weaviate: RunningWeaviate | undefined;
  let dataDir: string;
  let server: TestServer;
  let owner: Actor;
  let roomId: string;

  beforeAll(async () => {
    dataDir = await scratchDir('studyroom-weaviate-api-');
    weaviate = await startWeaviate({ dataDir });
    server = await startTestServer({
      WEAVIATE_URL: weaviate.url,
      WEAVIATE_GRPC_PORT: String(weaviate.grpcPort),
      // The default configuration: the local model's vectors in Weaviate.
      ...(modelPresent ? { EMBEDDER: 'local-model', MODELS_DIR } : {}),
    });
    owner = await createUser(server.url);
    roomId = (await createRoom(server.url, owner)).id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await weaviate?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('searches through Weaviate, fails clearly while it is down, and recovers without an API restart', async () => {
    expect(server.services.vectorStore.kind).toBe('weaviate');
    if (modelPresent) expect(server.services.embedder.id).toBe('bge-small-en-v1.5-q8:384');
    const first = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await makePdf([['Tardigrades survive the vacuum of space and extreme radiation.']]),
      'tardigrades.pdf',
    );
    expect((await waitForDocument(server.url, owner.token, first.body.data!.uploadDocument.id)).status).toBe(
      'READY',
    );
    const hits = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'tardigrade radiation' },
      owner.token,
    );
    expect(hits.search[0]?.chunk.text).toMatch(/Tardigrades/);

    const { port, grpcPort } = weaviate!;
    await weaviate!.stop();
    weaviate = undefined;
    const down = await request(
      server.url,
      SearchDocument,
      { roomId, query: 'tardigrade radiation' },
      owner.token,
    );
    expect(errorCode(down)).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/vector store/i);
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', failing: ['vector store'] });

    // Uploaded while Weaviate is down: a transient failure, retried with backoff until it lands.
    const second = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await makePdf([['Axolotls regenerate whole limbs, parts of the heart and even the spinal cord.']]),
      'axolotls.pdf',
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    weaviate = await startWeaviate({ port, grpcPort, dataDir });

    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    const again = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'tardigrade radiation' },
      owner.token,
    );
    expect(again.search[0]?.chunk.text).toMatch(/Tardigrades/);
    const landed = await waitForDocument(
      server.url,
      owner.token,
      second.body.data!.uploadDocument.id,
      120_000,
    );
    expect(landed.status).toBe('READY');
    const axolotl = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'axolotl regenerate limbs' },
      owner.token,
    );
    expect(axolotl.search[0]?.chunk.text).toMatch(/Axolotls/);
  }, 240_000);
});
