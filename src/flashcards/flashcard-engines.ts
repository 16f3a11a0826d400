import type { Config } from '../config.ts';
import type { LlmMeter } from '../llm/llm-meter.ts';
import { createOpenAIClient, llmConfigured } from '../llm/openai-client.ts';
import type { Vocabulary } from '../quizzes/engine/vocabulary.ts';
import { LlmCardDrafter } from './engine/llm-drafter.ts';
import { OfflineCardDrafter } from './engine/offline-drafter.ts';
import type { CardDrafter } from './engine/types.ts';

export interface FlashcardEngines {
  drafter(options: { vocabulary: Vocabulary }): CardDrafter;
}

/** LLM drafting when a provider is configured; the offline definitions-and-cloze engine otherwise. */
export function createFlashcardEngines(config: Config, meter?: LlmMeter): FlashcardEngines {
  if (!llmConfigured(config)) return { drafter: (options) => new OfflineCardDrafter(options) };
  // One JSON completion per round: the SDK's own retries fit it.
  const client = createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    fetch: meter?.fetch,
    maxRetries: 3,
    timeoutMs: 600_000,
  });
  return { drafter: () => new LlmCardDrafter({ client, model: config.CHAT_MODEL }) };
}
