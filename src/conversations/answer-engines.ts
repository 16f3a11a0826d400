import type { Config } from '../config.ts';
import type { LlmMeter } from '../llm/llm-meter.ts';
import { createOpenAIClient, llmConfigured } from '../llm/openai-client.ts';
import { meaningEmbedder } from '../retrieval/local-embedder.ts';
import type { Embedder } from '../retrieval/ports.ts';
import { condenseOffline, condenseWithLlm } from './engine/condense.ts';
import { ExtractiveAnswerEngine } from './engine/extractive-engine.ts';
import { OpenAIAnswerEngine } from './engine/openai-engine.ts';
import type { AnswerEngine, ChatTurn } from './engine/types.ts';

export interface AnswerEngines {
  engine: AnswerEngine;
  /** Present when an LLM is configured: used for follow-up rewriting and the repair round. */
  openai?: OpenAIAnswerEngine;
  condense(history: ChatTurn[], question: string, signal: AbortSignal): ReturnType<typeof condenseWithLlm>;
  contextWindow: number;
  maxAnswerTokens: number;
}

/**
 * The OpenAI-compatible engine when a key or base URL is set; the offline extractive engine otherwise,
 * which ranks sentences by meaning with the server's embedder (unless that is the hashing one).
 */
export function createAnswerEngines(config: Config, meter?: LlmMeter, embedder?: Embedder): AnswerEngines {
  if (!llmConfigured(config)) {
    return {
      engine: new ExtractiveAnswerEngine({ embedder: meaningEmbedder(embedder) }),
      condense: async (history, question) => condenseOffline(history, question),
      contextWindow: 16_384,
      maxAnswerTokens: 1024,
    };
  }
  const client = createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    fetch: meter?.fetch,
  });
  const openai = new OpenAIAnswerEngine({ model: config.CHAT_MODEL, client });
  return {
    engine: openai,
    openai,
    condense: (history, question, signal) =>
      condenseWithLlm(client, config.CHAT_MODEL, history, question, signal),
    contextWindow: openai.contextWindow,
    maxAnswerTokens: openai.maxAnswerTokens,
  };
}
