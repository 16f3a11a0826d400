/**
 * The LLM quiz drafter: one structured-output call per round over chunks labelled with their ids, asking
 * for an exact quote copied from the cited chunk. What comes back is validated with zod item by item: an
 * item with the right shape becomes a draft (the verification loop then judges its content, so a wrong
 * quote is a rejection with a reason), an item without it is dropped and counted in `dropped`.
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import { countTokens } from '../../text/tokens.ts';
import { chatJson, parseItems } from './llm-json.ts';
import type { DraftRequest, QuestionDraft, QuizDrafter, QuizSourceChunk } from './types.ts';

export { createLlmJudge, llmJudge } from './llm-judge.ts';

const KINDS = ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'] as const;

export const QUESTIONS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['questions'],
  properties: {
    questions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'prompt', 'options', 'answer', 'explanation', 'evidence', 'difficulty'],
        properties: {
          kind: { type: 'string', enum: [...KINDS] },
          prompt: { type: 'string' },
          options: { type: 'array', items: { type: 'string' } },
          answer: { type: 'string' },
          explanation: { type: 'string' },
          evidence: {
            type: 'object',
            additionalProperties: false,
            required: ['chunkId', 'quote'],
            properties: { chunkId: { type: 'string' }, quote: { type: 'string' } },
          },
          difficulty: { type: 'string', enum: ['easy', 'medium', 'hard'] },
        },
      },
    },
  },
} as const;

const DraftSchema = z.object({
  kind: z.enum(KINDS),
  prompt: z.string().min(1),
  options: z.array(z.string()).default([]),
  answer: z.string().min(1),
  explanation: z.string().default(''),
  evidence: z.object({ chunkId: z.string().min(1), quote: z.string().min(1) }),
  difficulty: z.enum(['easy', 'medium', 'hard']).catch('medium'),
});

const SYSTEM = [
  'You write quiz questions for students from course material. Use only the given passages.',
  'Every question cites one passage by its id and copies an exact quote from it: one or two consecutive',
  'sentences, character for character, that on their own prove the answer.',
  'MULTIPLE_CHOICE: exactly 4 options, one of them the answer (same text); the 3 wrong options are of the',
  'same kind as the answer (a year for a year, a name for a name) and must not appear in the quote.',
  'TRUE_FALSE: options ["True","False"]; the prompt is a statement that keeps the wording of the quote',
  '(for False, change one fact: a name, number or term). SHORT_ANSWER: options []; the answer is a few',
  'words taken from the quote. Do not put the answer in the prompt. The explanation says why, citing the quote.',
].join(' ');

export interface LlmDrafterOptions {
  client: OpenAI;
  model: string;
  temperature?: number;
  /** Token budget for the passages in one request; each passage is cut to its share. */
  contextTokens?: number;
}

export class LlmQuizDrafter implements QuizDrafter {
  readonly name: string;
  /** Items dropped because they did not have the shape of a question (across all calls). */
  dropped = 0;
  private readonly options: LlmDrafterOptions;

  constructor(options: LlmDrafterOptions) {
    this.options = options;
    this.name = `openai:${options.model}`;
  }

  async draft(input: DraftRequest): Promise<QuestionDraft[]> {
    const { client, model } = this.options;
    const json = await chatJson({
      client,
      model,
      system: SYSTEM,
      user: buildUserPrompt(input, this.options.contextTokens ?? 6000),
      schemaName: 'quiz_questions',
      schema: QUESTIONS_JSON_SCHEMA,
      // A little more variety on later rounds, so a regenerated slot is not the same rejected question.
      temperature: this.options.temperature ?? Math.min(1, 0.3 + 0.2 * (input.round - 1)),
      signal: input.signal,
    });
    const { drafts, dropped } = parseDrafts(json);
    this.dropped += dropped;
    return drafts;
  }
}

/** The drafts that have a question's shape; `dropped` counts the rest (and a reply that is not JSON). */
export function parseDrafts(json: unknown): { drafts: QuestionDraft[]; dropped: number } {
  return parseItems(json, 'questions', DraftSchema);
}

/** The passages of a request, each labelled with its chunk id and cut to its share of the token budget. */
export function passagesPrompt(chunks: QuizSourceChunk[], contextTokens: number): string {
  const perChunk = Math.max(200, Math.floor(contextTokens / Math.max(1, chunks.length)));
  return chunks.map((c) => `[passage ${c.chunkId}]\n${clip(c, perChunk)}`).join('\n\n');
}

export function buildUserPrompt(input: DraftRequest, contextTokens: number): string {
  const passages = passagesPrompt(input.chunks, contextTokens);
  const avoid =
    input.avoid.length > 0
      ? `\nDo not repeat or rephrase these questions:\n- ${input.avoid.join('\n- ')}\n`
      : '';
  const round = input.round > 1 ? `\nThis is attempt ${input.round}: use facts not used before.\n` : '';
  return (
    `Write ${input.count} questions; kinds, spread evenly: ${input.kinds.join(', ')}. ` +
    `Spread them over the passages.\n${avoid}${round}\nPassages:\n\n${passages}`
  );
}

/** Cuts a passage to a token budget at a sentence end if one is near, so quotes stay copyable. */
function clip(chunk: QuizSourceChunk, maxTokens: number): string {
  if (countTokens(chunk.text) <= maxTokens) return chunk.text;
  let text = chunk.text.slice(0, maxTokens * 4);
  while (countTokens(text) > maxTokens) text = text.slice(0, Math.floor(text.length * 0.9));
  const end = Math.max(text.lastIndexOf('. '), text.lastIndexOf('.\n'));
  return end > text.length / 2 ? text.slice(0, end + 1) : text;
}
