/**
 * The LLM card drafter, as the quiz one: one strict structured-output call per round over passages
 * labelled with their ids, asking for an exact quote from the cited passage. Items with a card's shape
 * become drafts (verification then judges their content); items without it are dropped and counted.
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import { passagesPrompt } from '../../quizzes/engine/llm-drafter.ts';
import { chatJson, parseItems } from '../../quizzes/engine/llm-json.ts';
import type { CardDraft, CardDrafter, CardDraftRequest } from './types.ts';

const KINDS = ['DEFINITION', 'CLOZE', 'QUESTION'] as const;

export const CARDS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['cards'],
  properties: {
    cards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'front', 'back', 'evidence'],
        properties: {
          kind: { type: 'string', enum: [...KINDS] },
          front: { type: 'string' },
          back: { type: 'string' },
          evidence: {
            type: 'object',
            additionalProperties: false,
            required: ['chunkId', 'quote'],
            properties: { chunkId: { type: 'string' }, quote: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const DraftSchema = z.object({
  kind: z.enum(KINDS),
  front: z.string().min(1),
  back: z.string().min(1),
  evidence: z.object({ chunkId: z.string().min(1), quote: z.string().min(1) }),
});

const SYSTEM = [
  'You write flashcards for students from course material. Use only the given passages.',
  'Every card cites one passage by its id and copies an exact quote from it: one or two consecutive',
  'sentences, character for character, that on their own prove the back of the card.',
  'DEFINITION: the front asks for a term ("What is photosynthesis?"), the back is its definition in the',
  "quote's own words. CLOZE: the front is the quoted sentence with one key term replaced by _____, the",
  'back is that term. QUESTION: the front asks about one key fact, the back answers it in a few words',
  'taken from the quote. Keep backs short. Never put the back in the front.',
].join(' ');

export interface LlmCardDrafterOptions {
  client: OpenAI;
  model: string;
  /** Token budget for the passages in one request; each passage is cut to its share. */
  contextTokens?: number;
}

export class LlmCardDrafter implements CardDrafter {
  readonly name: string;
  /** Items dropped because they did not have the shape of a card (across all calls). */
  dropped = 0;
  private readonly options: LlmCardDrafterOptions;

  constructor(options: LlmCardDrafterOptions) {
    this.options = options;
    this.name = `openai:${options.model}`;
  }

  async draft(input: CardDraftRequest): Promise<CardDraft[]> {
    const avoid =
      input.avoid.length > 0
        ? `\nDo not repeat or rephrase these cards:\n- ${input.avoid.join('\n- ')}\n`
        : '';
    const round = input.round > 1 ? `\nThis is attempt ${input.round}: use facts not used before.\n` : '';
    const json = await chatJson({
      client: this.options.client,
      model: this.options.model,
      system: SYSTEM,
      user:
        `Write ${input.count} flashcards, mostly DEFINITION and CLOZE, spread over the passages.\n` +
        `${avoid}${round}\nPassages:\n\n${passagesPrompt(input.chunks, this.options.contextTokens ?? 6000)}`,
      schemaName: 'flashcards',
      schema: CARDS_JSON_SCHEMA,
      temperature: Math.min(1, 0.3 + 0.2 * (input.round - 1)),
      signal: input.signal,
    });
    const { drafts, dropped } = parseCardDrafts(json);
    this.dropped += dropped;
    return drafts;
  }
}

/** The drafts that have a card's shape; `dropped` counts the rest (and a reply that is not JSON). */
export function parseCardDrafts(json: unknown): { drafts: CardDraft[]; dropped: number } {
  return parseItems(json, 'cards', DraftSchema);
}
