/**
 * evaluateRetrieval through the real server, on the PostgreSQL store and on Weaviate: each case is scored
 * from the ranking `search` gives for its query (checked here against `search` itself), a chunk is relevant
 * when it contains a quote after normalisation, and bad cases, too many cases and the wrong role are
 * refused with the right code.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWeaviate, startWeaviate } from '../../src/retrieval/weaviate-server.ts';
import { normalizeForMatch } from '../../src/text/normalize.ts';
import { EvaluateRetrievalDocument, SearchDocument } from '../generated/operations.ts';
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
import { scratchDir, weaviateAvailability } from '../retrieval/store-fixtures.ts';

const weaviate = weaviateAvailability();
if (!weaviate.ok && process.env.CI) throw new Error(`CI needs Weaviate: ${weaviate.reason}`);
if (!weaviate.ok) console.warn(`evaluateRetrieval on Weaviate skipped: ${weaviate.reason}`);

const DOCUMENTS = [
  ['Tardigrades survive the vacuum of space and extreme radiation.', 'They are also called water bears.'],
  ["The island's geothermal vents release mostly neon, with traces of argon."],
  ['Chlorine is added to drinking water to kill bacteria.', 'Ozone does the same in some plants.'],
  ['The lighthouse keeper painted the tower white every spring.'],
  [
    'Mitochondria make most of the energy of the cell.',
    'Chlorine is added to drinking water to kill bacteria.',
  ],
];

const CASES = [
  { query: 'tardigrade radiation survival', relevantQuotes: ['survive the vacuum of space'] },
  { query: 'which gas comes out of the vents', relevantQuotes: ['THE ISLAND’S  geothermal vents'] },
  { query: 'why is water treated with chlorine', relevantQuotes: ['Chlorine is added to drinking water'] },
  { query: 'what colour is the tower', relevantQuotes: ['painted the tower white', 'never in the text'] },
  { query: 'energy of the cell', relevantQuotes: ['Mitochondria make most'] },
];

describe.each([
  { store: 'postgres', run: true },
  { store: 'weaviate', run: weaviate.ok },
])('evaluateRetrieval on the $store store', ({ store, run }) => {
  let server: TestServer;
  let instance: RunningWeaviate | undefined;
  let dataDir: string | undefined;
  let owner: Actor;
  let roomId: string;

  beforeAll(async () => {
    if (!run) return;
    let env: Record<string, string> = {};
    if (store === 'weaviate') {
      if (process.env.WEAVIATE_URL) {
        env = {
          WEAVIATE_URL: process.env.WEAVIATE_URL,
          WEAVIATE_GRPC_PORT: process.env.WEAVIATE_GRPC_PORT ?? '50051',
        };
      } else {
        dataDir = await scratchDir('studyroom-eval-weaviate-');
        instance = await startWeaviate({ dataDir });
        env = { WEAVIATE_URL: instance.url, WEAVIATE_GRPC_PORT: String(instance.grpcPort) };
      }
    }
    server = await startTestServer(env);
    owner = await createUser(server.url);
    roomId = (await createRoom(server.url, owner)).id;
    for (const [i, lines] of DOCUMENTS.entries()) {
      const upload = await uploadFile(
        server.url,
        owner.token,
        roomId,
        await makePdf([lines]),
        `fact-${i}.pdf`,
      );
      const done = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id);
      expect(done.status).toBe('READY');
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await instance?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.runIf(run)('scores every case from the ranking search gives, with normalised quotes', async () => {
    const { evaluateRetrieval } = await call(
      server.url,
      EvaluateRetrievalDocument,
      { input: { roomId, cases: CASES } },
      owner.token,
    );
    expect(server.services.vectorStore.kind).toBe(store);
    expect(evaluateRetrieval.embedder).toBe(server.services.embedder.id);
    expect(evaluateRetrieval.reranker).toBeNull();
    expect(evaluateRetrieval.cases.map((c) => c.query)).toEqual(CASES.map((c) => c.query));
    // Curly apostrophe, capitals and a double space still match; the chlorine sentence is in two documents.
    expect(evaluateRetrieval.cases.map((c) => c.relevantChunks)).toEqual([1, 1, 2, 1, 1]);

    for (const [i, c] of CASES.entries()) {
      const { search } = await call(
        server.url,
        SearchDocument,
        { roomId, query: c.query, limit: 100 },
        owner.token,
      );
      const quotes = c.relevantQuotes.map(normalizeForMatch);
      const relevantRanks = search
        .map((hit, rank) => ({ rank: rank + 1, text: normalizeForMatch(hit.chunk.text) }))
        .filter((hit) => quotes.some((q) => hit.text.includes(q)))
        .map((hit) => hit.rank);
      const scored = evaluateRetrieval.cases[i]!;
      expect(scored.firstRelevantRank).toBe(relevantRanks[0] ?? null);
      const total = scored.relevantChunks;
      const dcg = relevantRanks.filter((r) => r <= 10).reduce((s, r) => s + 1 / Math.log2(r + 1), 0);
      let ideal = 0;
      for (let r = 1; r <= Math.min(total, 10); r++) ideal += 1 / Math.log2(r + 1);
      expect(scored.ndcgAt10).toBeCloseTo(dcg / ideal, 4);
      expect(scored.recallAt10).toBeCloseTo(relevantRanks.filter((r) => r <= 10).length / total, 4);
      expect(scored.mrrAt10).toBeCloseTo(relevantRanks[0]! <= 10 ? 1 / relevantRanks[0]! : 0, 4);
    }
    const mean = (pick: (c: (typeof evaluateRetrieval.cases)[number]) => number) =>
      evaluateRetrieval.cases.reduce((s, c) => s + pick(c), 0) / CASES.length;
    expect(evaluateRetrieval.ndcgAt10).toBeCloseTo(
      mean((c) => c.ndcgAt10),
      3,
    );
    expect(evaluateRetrieval.recallAt100).toBeCloseTo(
      mean((c) => c.recallAt100),
      3,
    );
    expect(evaluateRetrieval.mrrAt10).toBeCloseTo(
      mean((c) => c.mrrAt10),
      3,
    );
    // The facts are worded like their queries: every one is found, most at the top.
    expect(evaluateRetrieval.recallAt100).toBe(1);
    expect(evaluateRetrieval.cases[0]!.firstRelevantRank).toBe(1);
  });

  it.runIf(run)('refuses cases it cannot score, too many cases, and members below editor', async () => {
    const unmatched = await request(
      server.url,
      EvaluateRetrievalDocument,
      {
        input: {
          roomId,
          cases: [CASES[0]!, { query: 'volcanoes', relevantQuotes: ['lava bombs and blocks of rock'] }],
        },
      },
      owner.token,
    );
    expect(errorCode(unmatched)).toBe('BAD_USER_INPUT');
    expect(unmatched.errors?.[0]?.message).toMatch(/^cases 2: none of the case's relevantQuotes occurs/);

    const many = Array.from({ length: 501 }, () => CASES[0]!);
    const tooMany = await request(
      server.url,
      EvaluateRetrievalDocument,
      { input: { roomId, cases: many } },
      owner.token,
    );
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 500/);

    const none = await request(
      server.url,
      EvaluateRetrievalDocument,
      { input: { roomId, cases: [] } },
      owner.token,
    );
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
    const noQuotes = await request(
      server.url,
      EvaluateRetrievalDocument,
      { input: { roomId, cases: [{ query: 'tardigrades', relevantQuotes: [] }] } },
      owner.token,
    );
    expect(errorCode(noQuotes)).toBe('BAD_USER_INPUT');

    const [editor, viewer, outsider] = await Promise.all([
      createUser(server.url),
      createUser(server.url),
      createUser(server.url),
    ]);
    await addMember(server.url, owner, roomId, editor, 'EDITOR');
    await addMember(server.url, owner, roomId, viewer, 'VIEWER');
    const input = { roomId, cases: [CASES[0]!] };
    const asEditor = await call(server.url, EvaluateRetrievalDocument, { input }, editor.token);
    expect(asEditor.evaluateRetrieval.cases[0]!.firstRelevantRank).toBe(1);
    expect(errorCode(await request(server.url, EvaluateRetrievalDocument, { input }, viewer.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await request(server.url, EvaluateRetrievalDocument, { input }, outsider.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await request(server.url, EvaluateRetrievalDocument, { input }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
