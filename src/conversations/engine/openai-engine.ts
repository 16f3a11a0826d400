/**
 * Answers through any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM), streamed.
 * Retries belong to us, not the SDK, because they are only safe before the first token: once text has
 * reached the caller (and maybe a subscriber), a retry would stream a different answer after it. So 429,
 * 5xx, network failures and streams that close before any text are retried with backoff; anything after
 * the first token fails with the partial text kept.
 */
import OpenAI from 'openai';
import { createOpenAIClient } from '../../llm/openai-client.ts';
import { packContext } from './context-pack.ts';
import { type AnswerFailure, AnswerProviderError } from './errors.ts';
import type { AnswerEngine, AnswerInput, AnswerResult, SourceChunk, TokenUsage } from './types.ts';
import { repairFromPrompt, repairPrompt } from './verify.ts';

export interface OpenAIAnswerEngineOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** Longest wait for the response to start (headers), per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Longest silence between streamed chunks once the response started. Default 30 s. */
  idleTimeoutMs?: number;
  /** Retries before the first token. Default 3. */
  maxRetries?: number;
  /** First backoff step; doubles per attempt, jittered. Default 500 ms. */
  retryBaseMs?: number;
  /** The model's context window, prompt plus answer. Default 16,384. */
  contextWindow?: number;
  /** Reserved for and capped at the answer. Default 1,024. */
  maxAnswerTokens?: number;
  temperature?: number;
  /** An existing client (its own retries are bypassed). */
  client?: OpenAI;
}

export interface RepairRequest {
  question: string;
  standaloneQuery?: string;
  answer: string;
  sources: SourceChunk[];
  /** The prompt the answer was generated from, reused without packing again when the repair fits. */
  prompt?: OpenAI.ChatCompletionMessageParam[];
  signal: AbortSignal;
  onDelta?(delta: string): void;
}

/** The stream closed without a finish reason: the server or a proxy dropped it. */
class StreamEndedEarly extends Error {}

export class OpenAIAnswerEngine implements AnswerEngine {
  readonly name = 'openai';
  readonly model: string;
  readonly contextWindow: number;
  readonly maxAnswerTokens: number;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly temperature: number;

  constructor(options: OpenAIAnswerEngineOptions) {
    this.model = options.model;
    this.contextWindow = options.contextWindow ?? 16_384;
    this.maxAnswerTokens = options.maxAnswerTokens ?? 1024;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.temperature = options.temperature ?? 0.2;
    this.client =
      options.client ??
      createOpenAIClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs: this.timeoutMs });
  }

  async answer(input: AnswerInput): Promise<AnswerResult> {
    // The answer runner packs once (it must know which sources the prompt numbers); a caller without a
    // packed prompt gets one packed here for this engine's window.
    const messages =
      input.prompt ??
      packContext({
        question: input.question,
        standaloneQuery: input.standaloneQuery,
        history: input.history,
        sources: input.sources,
        contextWindow: this.contextWindow,
        reservedAnswerTokens: this.maxAnswerTokens,
      }).messages;
    return this.stream(messages, input.signal, input.onDelta);
  }

  /** One repair round for an answer that failed verification (see `needsRepair`); streams the new answer. */
  repair(input: RepairRequest): Promise<AnswerResult> {
    const window = { contextWindow: this.contextWindow, reservedAnswerTokens: this.maxAnswerTokens };
    const messages =
      (input.prompt && repairFromPrompt(input.prompt, input.answer, window)) ??
      repairPrompt({
        question: input.question,
        standaloneQuery: input.standaloneQuery,
        answer: input.answer,
        sources: input.sources,
        ...window,
      });
    return this.stream(messages, input.signal, input.onDelta ?? (() => {}));
  }

  private async stream(
    messages: OpenAI.ChatCompletionMessageParam[],
    signal: AbortSignal,
    onDelta: (delta: string) => void,
  ): Promise<AnswerResult> {
    let text = '';
    for (let attempt = 0; ; attempt++) {
      signal.throwIfAborted();
      const idle = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), this.idleTimeoutMs);
      };
      let usage: TokenUsage | undefined;
      let finishReason: string | undefined;
      try {
        const stream = await this.client.chat.completions.create(
          {
            model: this.model,
            messages,
            stream: true,
            stream_options: { include_usage: true },
            temperature: this.temperature,
            max_tokens: this.maxAnswerTokens,
          },
          { signal: AbortSignal.any([signal, idle.signal]), timeout: this.timeoutMs, maxRetries: 0 },
        );
        arm();
        for await (const chunk of stream) {
          arm();
          const choice = chunk.choices[0];
          const delta = choice?.delta?.content;
          if (delta) {
            text += delta;
            onDelta(delta);
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          if (chunk.usage) {
            usage = {
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
            };
          }
        }
        clearTimeout(timer);
        // The SDK ends an aborted stream quietly; an abort is not a finished answer.
        signal.throwIfAborted();
        if (idle.signal.aborted) throw idle.signal.reason;
        if (!finishReason) throw new StreamEndedEarly('the connection closed before the answer finished');
        return { text, usage, finishReason };
      } catch (err) {
        clearTimeout(timer);
        signal.throwIfAborted();
        const timedOut = idle.signal.aborted;
        if (text !== '') {
          const why = timedOut ? `no data for ${this.idleTimeoutMs} ms` : reason(err);
          throw new AnswerProviderError(
            timedOut ? 'TIMEOUT' : 'STREAM_CUT',
            `The answer stream from ${this.model} broke off after ${text.length} characters (${why}); the partial answer was kept.`,
            { partialText: text, attempts: attempt + 1, cause: err },
          );
        }
        if (attempt < this.maxRetries && (timedOut || isRetryable(err))) {
          await sleep(this.backoffMs(attempt, err), signal);
          continue;
        }
        throw this.failure(err, timedOut, attempt + 1);
      }
    }
  }

  private failure(err: unknown, timedOut: boolean, attempts: number): AnswerProviderError {
    const after = attempts > 1 ? ` (${attempts} attempts)` : '';
    const details = { partialText: '', attempts, cause: err };
    let failure: AnswerFailure = 'PROVIDER_ERROR';
    let message = `The model provider failed: ${reason(err)}${after}.`;
    if (timedOut) {
      failure = 'TIMEOUT';
      message = `The model provider sent nothing for ${this.idleTimeoutMs} ms${after}.`;
    } else if (err instanceof OpenAI.APIConnectionTimeoutError) {
      failure = 'TIMEOUT';
      message = `The model provider did not respond within ${this.timeoutMs} ms${after}.`;
    } else if (err instanceof OpenAI.APIConnectionError) {
      failure = 'UNREACHABLE';
      message = `Could not reach the model provider at ${this.client.baseURL}: ${reason(err)}${after}.`;
    } else if (err instanceof OpenAI.APIError && err.status === 429) {
      failure = 'RATE_LIMITED';
      message = `The model provider is rate limiting requests (HTTP 429)${after}.`;
    } else if (err instanceof OpenAI.APIError && err.status !== undefined && err.status < 500) {
      failure = 'REJECTED';
      message = `The model provider rejected the request: ${reason(err)}.`;
    }
    return new AnswerProviderError(failure, message, details);
  }

  private backoffMs(attempt: number, err: unknown): number {
    // A server that says when to come back knows better than our schedule.
    const headers = err instanceof OpenAI.APIError ? err.headers : undefined;
    const ms = Number(headers?.get('retry-after-ms'));
    if (ms > 0) return Math.min(ms, 20_000);
    const s = Number(headers?.get('retry-after'));
    if (s > 0) return Math.min(s * 1000, 20_000);
    const step = Math.min(8_000, this.retryBaseMs * 2 ** attempt);
    return step / 2 + (Math.random() * step) / 2;
  }
}

function reason(err: unknown): string {
  if (err instanceof OpenAI.APIError && err.status !== undefined) {
    const message = err.message.replace(/^\d{3}\s*/, '');
    return `HTTP ${err.status}${message ? `: ${message}` : ''}`;
  }
  if (err instanceof Error) {
    const cause =
      err.cause instanceof Error && err.cause.message !== err.message ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}

function isRetryable(err: unknown): boolean {
  if (err instanceof StreamEndedEarly) return true;
  if (err instanceof OpenAI.APIConnectionError) return true; // includes the SDK's timeouts
  if (err instanceof OpenAI.APIError) return err.status === 429 || (err.status ?? 0) >= 500;
  // undici reports a connection dropped mid-body as a TypeError ("terminated").
  return err instanceof TypeError;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
