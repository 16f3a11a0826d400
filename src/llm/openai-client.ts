import OpenAI from 'openai';
import type { Config } from '../config.ts';

/** True when an OpenAI-compatible server is configured; the offline engines run otherwise. */
export function llmConfigured(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return !!(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
}

/**
 * The one place an OpenAI SDK client is built, for chat and embeddings alike. Retries default to none:
 * callers that stream or batch retry themselves, with backoff that knows their request.
 */
export function createOpenAIClient(options: {
  apiKey?: string;
  baseURL?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Chat clients pass the LLM meter's, so every completion is counted (llm-meter.ts). */
  fetch?: typeof fetch;
}): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey || 'unused', // local compatible servers need none; the SDK insists on one
    baseURL: options.baseURL,
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeoutMs ?? 30_000,
  });
}
