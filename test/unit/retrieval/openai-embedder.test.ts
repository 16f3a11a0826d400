/**
 * OpenAIEmbedder against a tiny OpenAI-compatible server on 127.0.0.1 (the one allowed test double: the
 * real API is paid). The server records every request, answers deterministic vectors in shuffled order,
 * and can be told to fail, so batching, retry and abort are observable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '../../../src/retrieval/openai-embedder.ts';

interface Seen {
  model: string;
  input: string[];
  dimensions?: number;
  encoding_format?: string;
}

let server: Server;
let baseURL: string;
let seen: Seen[] = [];
/** Status codes to answer, in order, before answering normally. */
let failures: number[] = [];
/** Sent as `retry-after-ms` with failures; undefined leaves the wait to the client's own backoff. */
let retryAfterMs: string | undefined;

function fakeVector(text: string, dims: number): number[] {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return Array.from({ length: dims }, (_, j) => ((h >>> (j % 24)) & 0xff) / 255);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      const json = JSON.parse(body) as Seen;
      seen.push(json);
      const status = failures.shift();
      if (status) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (retryAfterMs) headers['retry-after-ms'] = retryAfterMs;
        res.writeHead(status, headers);
        res.end(JSON.stringify({ error: { message: `forced ${status}`, type: 'test' } }));
        return;
      }
      const dims = json.dimensions ?? 8;
      const data = json.input.map((t, index) => ({
        object: 'embedding',
        index,
        embedding: fakeVector(t, dims),
      }));
      data.reverse(); // the API does not promise order; the client must sort by `index`
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: json.model, usage: { prompt_tokens: 0 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  seen = [];
  failures = [];
  retryAfterMs = '20';
});

describe('OpenAIEmbedder', () => {
  it('retries a 429 and returns vectors in input order', async () => {
    failures = [429];
    const e = new OpenAIEmbedder({ baseURL, model: 'text-embedding-3-small', dimensions: 8, retryBaseMs: 5 });
    expect(e.id).toBe('openai:text-embedding-3-small:8');
    const texts = ['mitochondria', 'ribosome', 'golgi apparatus'];
    const vectors = await e.embed(texts);
    expect(seen).toHaveLength(2); // the 429, then the success
    expect(seen[1].dimensions).toBe(8);
    expect(seen[1].encoding_format).toBe('float');
    expect(vectors.map((v) => Array.from(v))).toEqual(
      texts.map((t) => Array.from(Float32Array.from(fakeVector(t, 8)))),
    );
  });

  it('retries 5xx, but not a 400', async () => {
    failures = [500, 503];
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8, retryBaseMs: 5 });
    await e.embed(['a']);
    expect(seen).toHaveLength(3);

    seen = [];
    failures = [400];
    await expect(e.embed(['a'])).rejects.toThrow(/forced 400/);
    expect(seen).toHaveLength(1);
  });

  it('gives up after maxRetries', async () => {
    failures = [429, 429, 429];
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8, maxRetries: 2, retryBaseMs: 5 });
    await expect(e.embed(['a'])).rejects.toThrow(/429/);
    expect(seen).toHaveLength(3);
  });

  it('splits at 2,048 inputs per request by default', async () => {
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8 });
    const texts = Array.from({ length: 5000 }, (_, i) => `chunk ${i}`);
    const vectors = await e.embed(texts);
    expect(seen.map((s) => s.input.length)).toEqual([2048, 2048, 904]);
    expect(vectors).toHaveLength(5000);
    expect(Array.from(vectors[4999])).toEqual(Array.from(Float32Array.from(fakeVector('chunk 4999', 8))));
  });

  it('splits by token budget and keeps every request within it', async () => {
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8, maxTokensPerRequest: 50 });
    const sentence = 'The quick brown fox jumps over the lazy dog.'; // 10 cl100k tokens
    await e.embed(Array.from({ length: 12 }, () => sentence));
    expect(seen.map((s) => s.input.length)).toEqual([5, 5, 2]);
  });

  it('refuses an input longer than the model accepts', async () => {
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8 });
    await expect(e.embed(['word '.repeat(9000)])).rejects.toThrow(/at most 8191/);
    expect(seen).toHaveLength(0);
  });

  it('stops waiting when the caller aborts during backoff', async () => {
    failures = [429, 429, 429, 429];
    retryAfterMs = undefined; // so the client's own (long) backoff applies
    const e = new OpenAIEmbedder({ baseURL, dimensions: 8, retryBaseMs: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('cancelled by test')), 100);
    await expect(e.embed(['a'], { signal: controller.signal })).rejects.toThrow(/cancelled by test/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('requires dimensions for models it does not know', () => {
    expect(() => new OpenAIEmbedder({ baseURL, model: 'nomic-embed-text' })).toThrow(/pass `dimensions`/);
    const e = new OpenAIEmbedder({ baseURL, model: 'nomic-embed-text', dimensions: 768 });
    expect(e.id).toBe('openai:nomic-embed-text:768');
  });
});
