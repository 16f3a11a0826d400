/**
 * Embedder over any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Azure-compatible gateways,
 * Ollama, vLLM). Packs inputs into requests within the API limits (2,048 inputs, 300k tokens), retries
 * 429/5xx/network failures itself with exponential backoff and full jitter (the SDK's own retries are off,
 * so the policy is ours, testable, and interruptible by the caller's AbortSignal).
 */
import OpenAI from 'openai';
import { createOpenAIClient } from '../llm/openai-client.ts';
import { countTokens } from '../text/tokens.ts';
import type { Embedder } from './ports.ts';

export interface OpenAIEmbedderOptions {
  apiKey?: string;
  baseURL?: string;
  /** `text-embedding-3-small` by default. */
  model?: string;
  /**
   * Output width. Known OpenAI models default to their native width; text-embedding-3-* can be shortened
   * (sent as `dimensions`). Other models (Ollama, vLLM) must state it, since the port needs it up front.
   */
  dimensions?: number;
  maxInputsPerRequest?: number;
  maxTokensPerRequest?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** First backoff step; doubles per attempt, capped at 20 s, fully jittered. */
  retryBaseMs?: number;
  timeoutMs?: number;
}

const NATIVE_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
/** OpenAI's per-input limit for its embedding models. */
const MAX_TOKENS_PER_INPUT = 8191;

export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly sendDimensions: boolean;
  private readonly maxInputs: number;
  private readonly maxTokens: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;

  constructor(options: OpenAIEmbedderOptions = {}) {
    this.model = options.model ?? 'text-embedding-3-small';
    const native = NATIVE_DIMENSIONS[this.model];
    const dims = options.dimensions ?? native;
    if (!dims) {
      throw new Error(`OpenAIEmbedder: model ${this.model} has no known width; pass \`dimensions\``);
    }
    this.dimensions = dims;
    this.sendDimensions = options.dimensions !== undefined && this.model.startsWith('text-embedding-3');
    this.id = `openai:${this.model}:${dims}`;
    this.maxInputs = Math.min(options.maxInputsPerRequest ?? 2048, 2048);
    this.maxTokens = Math.min(options.maxTokensPerRequest ?? 300_000, 300_000);
    this.maxRetries = options.maxRetries ?? 6;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.client = createOpenAIClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeoutMs: options.timeoutMs ?? 60_000,
    });
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    for (const batch of this.plan(texts)) {
      options.signal?.throwIfAborted();
      const vectors = await this.request(
        batch.map((i) => texts[i] || ' '), // the API rejects empty strings; a blank embeds as "nothing"
        options.signal,
      );
      batch.forEach((inputIndex, k) => {
        out[inputIndex] = vectors[k];
      });
    }
    return out;
  }

  /** Groups input indexes into requests that respect both the input-count and the token budget. */
  plan(texts: string[]): number[][] {
    const batches: number[][] = [];
    let current: number[] = [];
    let tokens = 0;
    texts.forEach((text, i) => {
      const n = countTokens(text);
      if (n > MAX_TOKENS_PER_INPUT) {
        throw new Error(`input ${i} has ${n} tokens; ${this.model} accepts at most ${MAX_TOKENS_PER_INPUT}`);
      }
      if (current.length > 0 && (current.length >= this.maxInputs || tokens + n > this.maxTokens)) {
        batches.push(current);
        current = [];
        tokens = 0;
      }
      current.push(i);
      tokens += n;
    });
    if (current.length > 0) batches.push(current);
    return batches;
  }

  private async request(input: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.client.embeddings.create(
          {
            model: this.model,
            input,
            encoding_format: 'float',
            ...(this.sendDimensions ? { dimensions: this.dimensions } : {}),
          },
          { signal },
        );
        const vectors: Float32Array[] = new Array(input.length);
        for (const d of res.data) vectors[d.index] = Float32Array.from(d.embedding);
        for (let k = 0; k < input.length; k++) {
          if (vectors[k]?.length !== this.dimensions) {
            throw new Error(
              `embedding ${k} from ${this.model} has ${vectors[k]?.length ?? 0} dimensions, expected ${this.dimensions}`,
            );
          }
        }
        return vectors;
      } catch (err) {
        if (signal?.aborted || attempt >= this.maxRetries || !isRetryable(err)) throw err;
        await sleep(this.backoffMs(attempt, err), signal);
      }
    }
  }

  private backoffMs(attempt: number, err: unknown): number {
    // A server that says when to come back knows better than our schedule.
    const headers = err instanceof OpenAI.APIError ? err.headers : undefined;
    const ms = Number(headers?.get('retry-after-ms'));
    if (ms > 0) return ms;
    const s = Number(headers?.get('retry-after'));
    if (s > 0) return Math.min(s * 1000, 60_000);
    const cap = Math.min(20_000, this.retryBaseMs * 2 ** attempt);
    return Math.random() * cap;
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIConnectionError) return true; // includes timeouts
  if (err instanceof OpenAI.APIError) return err.status === 429 || (err.status ?? 0) >= 500;
  return false;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
