/**
 * A small OpenAI-compatible server on 127.0.0.1 for tests and benchmarks (the real API is paid and not
 * deterministic). It speaks real HTTP and real SSE, so the SDK's parsing, retries and aborts are exercised
 * as they would be against OpenAI, Ollama or vLLM.
 *
 * Chat completions follow a script: queued behaviours are used first, one per request, then the default
 * responder. Embeddings are always answered with deterministic unit vectors (same text, same vector).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type FakeBehaviour =
  /** Streams `tokens` as chat.completion.chunk events `delayMs` apart (non-stream requests get them joined). */
  | {
      kind: 'stream';
      tokens: string[];
      delayMs?: number;
      /** Tokens written back to back per burst, `delayMs` apart (as providers flush several at once); default 1. */
      burst?: number;
      /** Wait before the first token; defaults to `delayMs`. */
      firstDelayMs?: number;
      finishReason?: string;
    }
  /** Streams the first `afterTokens` tokens, then destroys the socket (no finish reason, no [DONE]). */
  | { kind: 'cut'; tokens: string[]; afterTokens: number; delayMs?: number }
  /** An error response with an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** A non-streamed chat completion whose message content is `content` (streamed as one token if asked to). */
  | { kind: 'json'; content: string }
  /** Never answers; the request ends when the client gives up. */
  | { kind: 'hang' };

export interface FakeRequest {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
  body: any;
  headers: IncomingHttpHeaders;
  /** How the response ended: completed, the client closed it early, or the script cut it. */
  outcome: 'pending' | 'completed' | 'client-closed' | 'cut';
}

export interface FakeTokenSent {
  /** Index into `requests`. */
  request: number;
  index: number;
  token: string;
  /** performance.now() right after the chunk was written. */
  at: number;
}

export interface FakeOpenAIOptions {
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
  responder?: (body: any) => FakeBehaviour;
  embeddingDimensions?: number;
  /** Called after each content token is written (benchmarks measure delivery latency from here). */
  onToken?: (sent: FakeTokenSent) => void;
}

export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>/v1`, for the SDK's `baseURL`. */
  readonly baseURL: string;
  readonly requests: FakeRequest[];
  /** Chat completion requests only, in arrival order. */
  chatRequests(): FakeRequest[];
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Drops queued behaviours and restores the default responder (requests stay recorded). */
  reset(): void;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
  setResponder(responder: (body: any) => FakeBehaviour): void;
  /** Whether completions carry `usage` (default true); some compatible servers report none. */
  setReportUsage(on: boolean): void;
  /** Resolves with the first request from index `fromRequest` on whose response the client closed early. */
  waitForClientClose(options?: { fromRequest?: number; timeoutMs?: number }): Promise<FakeRequest>;
  close(): Promise<void>;
}

const DEFAULT_TOKENS = ['This ', 'is ', 'a ', 'fake ', 'answer ', '[1].'];

function chunk(
  id: string,
  model: string,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
) {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

/** A deterministic unit vector per text (FNV-1a seeded xorshift). */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 1;
  const v: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    v.push(x / 0xffffffff - 0.5);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((n) => n / norm);
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
function promptChars(body: any): number {
  return (body?.messages ?? []).reduce(
    (n: number, m: { content?: unknown }) => n + (typeof m.content === 'string' ? m.content.length : 0),
    0,
  );
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: FakeBehaviour[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const closeWaiters: Array<(r: FakeRequest) => void> = [];
  const initialResponder =
    options.responder ?? (() => ({ kind: 'stream', tokens: DEFAULT_TOKENS }) as FakeBehaviour);
  let responder = initialResponder;
  const dimensions = options.embeddingDimensions ?? 16;
  let sequence = 0;
  let reportUsage = true;

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const server = createServer({ noDelay: true }, async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
    }
    const record: FakeRequest = { path: req.url ?? '', body, headers: req.headers, outcome: 'pending' };
    const index = requests.push(record) - 1;
    res.on('close', () => {
      if (record.outcome !== 'pending') return;
      record.outcome = res.writableFinished ? 'completed' : 'client-closed';
      if (record.outcome === 'client-closed') for (const w of closeWaiters.splice(0)) w(record);
    });

    if (req.method === 'POST' && req.url === '/v1/embeddings') {
      // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
      const b = body as any;
      const inputs: string[] = Array.isArray(b.input) ? b.input : [b.input];
      const width = b.dimensions ?? dimensions;
      return sendJson(res, 200, {
        object: 'list',
        model: b.model,
        data: inputs.map((text, i) => ({
          object: 'embedding',
          index: i,
          embedding: fakeEmbedding(String(text), width),
        })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendJson(res, 404, {
        error: { message: `no route ${req.method} ${req.url}`, type: 'not_found' },
      });
    }

    // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
    const b = body as any;
    const behaviour = queue.shift() ?? responder(b);
    const id = `chatcmpl-fake-${++sequence}`;
    const model = String(b.model ?? 'fake-model');

    if (behaviour.kind === 'hang') return;
    if (behaviour.kind === 'status') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
      res.end(
        JSON.stringify({
          error: {
            message: behaviour.message ?? `fake status ${behaviour.status}`,
            type: 'fake_error',
            code: null,
          },
        }),
      );
      return;
    }
    const tokens = behaviour.kind === 'json' ? [behaviour.content] : behaviour.tokens;
    if (!b.stream) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: tokens.join('') },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        ...(reportUsage && {
          usage: {
            prompt_tokens: Math.ceil(promptChars(b) / 4),
            completion_tokens: tokens.length,
            total_tokens: 0,
          },
        }),
      });
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    let flushed: Promise<unknown> = Promise.resolve();
    const write = (data: unknown) => {
      flushed = new Promise((resolve) => res.write(`data: ${JSON.stringify(data)}\n\n`, resolve));
    };
    // A cut happens after what was sent has left the process, so the client really received it.
    const cut = async () => {
      record.outcome = 'cut';
      await flushed;
      req.socket.destroy();
    };
    write(chunk(id, model, { role: 'assistant', content: '' }));
    const delayMs = behaviour.kind === 'json' ? 0 : (behaviour.delayMs ?? 0);
    const firstDelay = behaviour.kind === 'stream' ? (behaviour.firstDelayMs ?? delayMs) : delayMs;
    const burst = behaviour.kind === 'stream' ? Math.max(1, behaviour.burst ?? 1) : 1;
    for (let i = 0; i < tokens.length; i++) {
      if (behaviour.kind === 'cut' && i >= behaviour.afterTokens) return cut();
      const wait = i === 0 ? firstDelay : i % burst === 0 ? delayMs : 0;
      if (wait > 0) await sleep(wait);
      if (res.destroyed) return; // the client went away; 'close' recorded it
      write(chunk(id, model, { content: tokens[i] }));
      options.onToken?.({ request: index, index: i, token: tokens[i], at: performance.now() });
    }
    if (behaviour.kind === 'cut') return cut();
    write(chunk(id, model, {}, behaviour.kind === 'stream' ? (behaviour.finishReason ?? 'stop') : 'stop'));
    if (reportUsage && b.stream_options?.include_usage) {
      write({
        id,
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [],
        usage: {
          prompt_tokens: Math.ceil(promptChars(b) / 4),
          completion_tokens: tokens.length,
          total_tokens: Math.ceil(promptChars(b) / 4) + tokens.length,
        },
      });
    }
    res.end('data: [DONE]\n\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    reset: () => {
      queue.length = 0;
      responder = initialResponder;
    },
    setResponder: (fn) => {
      responder = fn;
    },
    setReportUsage: (on) => {
      reportUsage = on;
    },
    waitForClientClose: ({ fromRequest = 0, timeoutMs = 5_000 } = {}) =>
      new Promise<FakeRequest>((resolve, reject) => {
        const closed = requests.slice(fromRequest).find((r) => r.outcome === 'client-closed');
        if (closed) return resolve(closed);
        const timer = setTimeout(
          () => reject(new Error(`no client closed a request within ${timeoutMs} ms`)),
          timeoutMs,
        );
        closeWaiters.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
