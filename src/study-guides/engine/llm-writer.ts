/**
 * The LLM guide writer: one strict structured-output call per section over its numbered passages, asking
 * for short key points, each naming the passages that support it. The points are then checked as answers
 * are (compose.ts), so an invented point or a wrong passage number does not survive.
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import { chatJson } from '../../quizzes/engine/llm-json.ts';
import { countTokens } from '../../text/tokens.ts';
import type { GuideWriter, SectionRequest } from './types.ts';

export const POINTS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['points'],
  properties: {
    points: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'sources'],
        properties: { text: { type: 'string' }, sources: { type: 'array', items: { type: 'integer' } } },
      },
    },
  },
} as const;

const Points = z.object({
  points: z.array(z.object({ text: z.string().min(1), sources: z.array(z.number().int()).min(1) })),
});

const SYSTEM =
  'You write study guides from course material. Given numbered passages from one section of a document, ' +
  'write the key points a student must remember: each one sentence, in the words of the passages as far as ' +
  'possible, stating one fact or definition found in them, with the numbers of the passages that state it. ' +
  'Use only the passages; never add outside knowledge.';

export class LlmGuideWriter implements GuideWriter {
  readonly name: string;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly contextTokens: number;

  constructor(options: { client: OpenAI; model: string; contextTokens?: number }) {
    this.client = options.client;
    this.model = options.model;
    this.contextTokens = options.contextTokens ?? 6000;
    this.name = `openai:${options.model}`;
  }

  async writeSection(request: SectionRequest): Promise<string[]> {
    const per = Math.max(200, Math.floor(this.contextTokens / Math.max(1, request.sources.length)));
    const passages = request.sources
      .map((s, i) => `[${i + 1}] (p. ${s.pageStart})\n${clip(s.text, per)}`)
      .join('\n\n');
    const json = await chatJson({
      client: this.client,
      model: this.model,
      system: SYSTEM,
      user:
        `Document: ${request.documentTitle}\nSection: ${request.heading}\n` +
        `Write at most ${request.maxPoints} key points.\n\nPassages:\n\n${passages}`,
      schemaName: 'study_guide_points',
      schema: POINTS_JSON_SCHEMA,
      temperature: 0.2,
      signal: request.signal,
    });
    const parsed = Points.safeParse(json);
    if (!parsed.success) return [];
    return parsed.data.points
      .slice(0, request.maxPoints)
      .map((p) => `${p.text.trim()} ${[...new Set(p.sources)].map((n) => `[${n}]`).join('')}`);
  }
}

function clip(text: string, maxTokens: number): string {
  if (countTokens(text) <= maxTokens) return text;
  let out = text.slice(0, maxTokens * 4);
  while (countTokens(out) > maxTokens) out = out.slice(0, Math.floor(out.length * 0.9));
  return out;
}
