/**
 * The reranking stage through the real server, against a test-owned HTTP server speaking the `/rerank`
 * API in both dialects: search (and evaluateRetrieval) follow the reranker's scores; a reranker that
 * fails, answers nonsense or is too slow leaves the fused order, logged, and the search still answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EvaluateRetrievalDocument, SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

type Mode = 'tei' | 'cohere' | 'fail' | 'nonsense' | 'slow';

/** Scores a document 10 when it mentions the lighthouse, else by its position (earlier = higher). */
function fakeReranker() {
  const state: { mode: Mode; requests: Array<Record<string, unknown>>; path?: string } = {
    mode: 'tei',
    requests: [],
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (data) => {
      body += data;
    });
    req.on('end', () => {
      state.path = req.url;
      const parsed = JSON.parse(body) as { query: string; texts: string[]; documents: string[] };
      state.requests.push(parsed);
      const scores = parsed.documents.map((text, i) => (/lighthouse/i.test(text) ? 10 : 1 / (i + 1)));
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (state.mode === 'fail') return send(503, { error: 'model is loading' });
      if (state.mode === 'nonsense') return send(200, { results: [{ index: 99, relevance_score: 1 }] });
      if (state.mode === 'slow') {
        setTimeout(
          () =>
            send(
              200,
              scores.map((score, index) => ({ index, score })),
            ),
          1500,
        );
        return;
      }
      // Both dialects answer best first, as the real servers do.
      const ranked = scores.map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score);
      if (state.mode === 'tei') return send(200, ranked);
      send(200, { results: ranked.map(({ index, score }) => ({ index, relevance_score: score })) });
    });
  });
  return { server, state };
}

describe('search with a reranker (RERANK_URL)', () => {
  const fake = fakeReranker();
  let server: TestServer;
  let owner: Actor;
  let roomId: string;
  let fused: string[];

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    server = await startTestServer({
      RERANK_URL: `http://127.0.0.1:${port}/v1`,
      RERANK_TIMEOUT_MS: '400',
      RERANK_CANDIDATES: '10',
    });
    owner = await createUser(server.url);
    roomId = (await createRoom(server.url, owner)).id;
    const pages = [
      'Chlorine is added to drinking water to kill bacteria.',
      'Chlorine gas is toxic; water works store it in sealed tanks.',
      'The lighthouse keeper painted the tower white every spring.',
      'Chlorine bleaches paper and cloth.',
    ];
    for (const [i, text] of pages.entries()) {
      const upload = await uploadFile(
        server.url,
        owner.token,
        roomId,
        await makePdf([[text]]),
        `page-${i}.pdf`,
      );
      expect(
        (await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id)).status,
      ).toBe('READY');
    }
    // The fused order, as search gives it when the reranker is down.
    fake.state.mode = 'fail';
    fused = await searchTexts();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  const searchTexts = async (limit = 3) =>
    (
      await call(server.url, SearchDocument, { roomId, query: 'chlorine in water', limit }, owner.token)
    ).search.map((hit) => hit.chunk.text);

  it('orders hits by the reranker, in either answer shape, from a deeper candidate list', async () => {
    expect(fused[0]).toMatch(/drinking water/);
    expect(fused.some((text) => /lighthouse/.test(text))).toBe(false);
    for (const mode of ['tei', 'cohere'] as const) {
      fake.state.mode = mode;
      fake.state.requests = [];
      const reranked = await searchTexts();
      expect(reranked[0]).toMatch(/lighthouse/);
      // The rest keep their order: the fake scores them by fused position.
      expect(reranked.slice(1)).toEqual(fused.slice(0, 2));
      expect(fake.state.path).toBe('/v1/rerank');
      const [sent] = fake.state.requests as Array<{
        query: string;
        texts: string[];
        documents: string[];
        top_n: number;
      }>;
      expect(sent!.query).toBe('chlorine in water');
      expect(sent!.texts).toEqual(sent!.documents);
      // Limit 3, but all four chunks were candidates (RERANK_CANDIDATES 10).
      expect(sent!.documents).toHaveLength(4);
      expect(sent!.top_n).toBe(4);
    }
    const { evaluateRetrieval } = await call(
      server.url,
      EvaluateRetrievalDocument,
      { input: { roomId, cases: [{ query: 'chlorine in water', relevantQuotes: ['lighthouse keeper'] }] } },
      owner.token,
    );
    expect(evaluateRetrieval.reranker).toMatch(/\/v1\/rerank$/);
    expect(evaluateRetrieval.cases[0]!.firstRelevantRank).toBe(1);
  });

  it('keeps the fused order, and logs why, when the reranker fails, answers nonsense or is too slow', async () => {
    const warn = vi.spyOn(server.services.logger, 'warn');
    try {
      for (const mode of ['fail', 'nonsense', 'slow'] as const) {
        fake.state.mode = mode;
        warn.mockClear();
        const started = performance.now();
        expect(await searchTexts()).toEqual(fused);
        expect(performance.now() - started).toBeLessThan(1400);
        expect(warn).toHaveBeenCalledTimes(1);
        const [fields, message] = warn.mock.calls[0] as unknown as [{ reason: string }, string];
        expect(message).toBe('reranker failed; search keeps the fused order');
        expect(fields.reason).toMatch(
          mode === 'fail' ? /HTTP 503/ : mode === 'nonsense' ? /document 99 of 4/ : /no answer within 400 ms/,
        );
      }
    } finally {
      warn.mockRestore();
    }
  });
});
