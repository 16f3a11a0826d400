/**
 * LLM second opinions, used only when a provider is configured: whether a quote supports a question's
 * answer and no other option (verification), and whether a short answer means the expected one (grading).
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import type { GradableQuestion, ShortAnswerJudge } from './grade.ts';
import { chatJson } from './llm-json.ts';
import type { JudgeVerdict, QuizJudge, VerifiedQuestion } from './types.ts';

const VERDICT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['supported', 'distractorSupported', 'reason'],
  properties: {
    supported: { type: 'boolean' },
    distractorSupported: { type: 'boolean' },
    reason: { type: 'string' },
  },
} as const;

const Verdict = z.object({
  supported: z.boolean(),
  distractorSupported: z.boolean(),
  reason: z.string().default(''),
});

const JUDGE_SYSTEM =
  'You check quiz questions against their source. Given a passage, a quote from it and a question with its ' +
  'answer, say whether the quote (read in the passage) supports the answer as the single correct one ' +
  '(supported), and whether it also supports any other option (distractorSupported). For a true/false ' +
  'question, "supported" means the passage shows the statement has the given truth value. Be strict.';

export async function llmJudge(
  client: OpenAI,
  model: string,
  question: VerifiedQuestion,
  chunkText: string,
  signal?: AbortSignal,
): Promise<JudgeVerdict> {
  const options = question.options.length > 0 ? `\nOptions: ${JSON.stringify(question.options)}` : '';
  const json = await chatJson({
    client,
    model,
    system: JUDGE_SYSTEM,
    user:
      `Passage:\n${chunkText}\n\nQuote: "${question.evidence.quote}"\n\nQuestion (${question.kind}): ` +
      `${question.prompt}${options}\nGiven answer: ${question.answer}`,
    schemaName: 'quiz_verdict',
    schema: VERDICT_SCHEMA,
    temperature: 0,
    signal,
  });
  const parsed = Verdict.safeParse(json);
  // An unreadable verdict is not a pass: the question is not released on a judge we could not read.
  if (!parsed.success) return { supported: false, distractorSupported: false, reason: 'unreadable verdict' };
  return parsed.data;
}

export function createLlmJudge(client: OpenAI, model: string): QuizJudge {
  return (question, chunkText, signal) => llmJudge(client, model, question, chunkText, signal);
}

const GRADE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['correct'],
  properties: { correct: { type: 'boolean' } },
} as const;

/** A short-answer judge for gradeAnswerWithJudge: accepts answers with the expected meaning. */
export function createLlmShortAnswerJudge(client: OpenAI, model: string): ShortAnswerJudge {
  return async (question: GradableQuestion, answer: string) => {
    const json = await chatJson({
      client,
      model,
      system:
        "You grade a student's short answer. It is correct if it means the same as the expected answer " +
        '(spelling slips and paraphrases are fine; a different name, number or fact is not).',
      user: `Question: ${question.prompt}\nExpected answer: ${question.answer}\nStudent answer: ${answer}`,
      schemaName: 'short_answer_grade',
      schema: GRADE_SCHEMA,
      temperature: 0,
    });
    return (json as { correct?: unknown })?.correct === true;
  };
}
