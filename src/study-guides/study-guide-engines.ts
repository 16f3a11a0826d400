import type { Config } from '../config.ts';
import type { LlmMeter } from '../llm/llm-meter.ts';
import { createOpenAIClient, llmConfigured } from '../llm/openai-client.ts';
import { ExtractiveGuideWriter } from './engine/extractive-writer.ts';
import { LlmGuideWriter } from './engine/llm-writer.ts';
import type { GuideWriter } from './engine/types.ts';

export interface StudyGuideEngines {
  writer: GuideWriter;
}

/** LLM key points when a provider is configured; the offline extractive writer otherwise. */
export function createStudyGuideEngines(config: Config, meter?: LlmMeter): StudyGuideEngines {
  if (!llmConfigured(config)) return { writer: new ExtractiveGuideWriter() };
  const client = createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    fetch: meter?.fetch,
    maxRetries: 3,
    timeoutMs: 600_000,
  });
  return { writer: new LlmGuideWriter({ client, model: config.CHAT_MODEL }) };
}
