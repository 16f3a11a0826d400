/**
 * Weaviate going away and coming back: the store must fail fast with a clear "unavailable" error while it
 * is down and serve again once it is back, with the same object (no API restart). Needs its own private
 * instance because the test stops it; under CI=true a missing binary is a failure.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEmbedder } from '../../src/retrieval/local-embedder.ts';
import { VectorStoreUnavailableError } from '../../src/retrieval/ports.ts';
import {
  type RunningWeaviate,
  startWeaviate,
  weaviateBinaryPath,
} from '../../src/retrieval/weaviate-server.ts';
import { WeaviateVectorStore } from '../../src/retrieval/weaviate-store.ts';
import { scratchDir } from './store-fixtures.ts';

const hasBinary = existsSync(weaviateBinaryPath());

describe.runIf(hasBinary || process.env.CI)('WeaviateVectorStore recovery', () => {
  let server: RunningWeaviate | undefined;
  let store: WeaviateVectorStore | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await store?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('rejects clearly while Weaviate is down and recovers when it is back', async () => {
    dataDir = await scratchDir('studyroom-weaviate-recovery-');
    server = await startWeaviate({ dataDir });
    const { port, grpcPort } = server;
    store = new WeaviateVectorStore({ url: server.url, grpcPort, timeoutSeconds: 5 });
    const embedder = new LocalEmbedder();
    const room = randomUUID();
    const text = 'Enzymes lower the activation energy of biochemical reactions.';
    const [vector] = await embedder.embed([text]);
    const id = randomUUID();
    await store.upsert(room, [
      { id, roomId: room, documentId: randomUUID(), text, pageStart: 1, pageEnd: 1, ordinal: 0, vector },
    ]);
    const query = { roomId: room, text: 'activation energy enzymes', vector, alpha: 0.5, limit: 5 };
    expect((await store.query(query))[0].chunkId).toBe(id);

    await server.stop();
    server = undefined;
    const down = store.query(query);
    await expect(down).rejects.toBeInstanceOf(VectorStoreUnavailableError);
    await expect(down).rejects.toThrow(/^Vector store unavailable: /);
    await expect(store.ping()).rejects.toThrow(/^Vector store unavailable: /);

    server = await startWeaviate({ port, grpcPort, dataDir });
    await store.ping();
    const hits = await store.query(query);
    expect(hits[0].chunkId).toBe(id); // same object, same data (persisted in dataDir)
    expect(await store.count(room)).toBe(1);
  });
});
