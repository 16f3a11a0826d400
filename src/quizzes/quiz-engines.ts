import type { Config } from '../config.ts';
import type { LlmMeter } from '../llm/llm-meter.ts';
import { createOpenAIClient, llmConfigured } from '../llm/openai-client.ts';
import type { Embedder } from '../retrieval/ports.ts';
import type { ShortAnswerJudge } from './engine/grade.ts';
import { LlmQuizDrafter } from './engine/llm-drafter.ts';
import { createLlmJudge, createLlmShortAnswerJudge } from './engine/llm-judge.ts';
import { OfflineQuizDrafter } from './engine/offline-drafter.ts';
import type { QuizDrafter, QuizJudge } from './engine/types.ts';
import type { Vocabulary } from './engine/vocabulary.ts';

export interface QuizEngines {
  /** `embedder`: the offline drafter embeds the room's terms to pick distractors near in meaning. */
  drafter(options: { seed: string; vocabulary: Vocabulary; embedder?: Embedder }): QuizDrafter;
  judge?: QuizJudge;
  shortAnswerJudge?: ShortAnswerJudge;
}

/** LLM drafting with an LLM judge when a provider is configured; the offline term-based engine otherwise. */
export function createQuizEngines(config: Config, meter?: LlmMeter): QuizEngines {
  if (!llmConfigured(config)) {
    return { drafter: (options) => new OfflineQuizDrafter(options) };
  }
  // Drafting and judging are single JSON completions: the SDK's own retries fit them.
  const client = createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    fetch: meter?.fetch,
    maxRetries: 3,
    timeoutMs: 600_000,
  });
  return {
    drafter: () => new LlmQuizDrafter({ client, model: config.CHAT_MODEL }),
    judge: createLlmJudge(client, config.CHAT_MODEL),
    shortAnswerJudge: createLlmShortAnswerJudge(client, config.CHAT_MODEL),
  };
}
