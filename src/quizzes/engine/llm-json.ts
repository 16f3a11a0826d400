/**
 * One structured-output chat call: a JSON schema in `response_format` (strict), the reply parsed leniently
 * (a model may wrap JSON in a code fence or add a sentence). Transport retries are the SDK client's
 * (`maxRetries` when the caller builds it); what still fails after them throws, so the job can mark FAILED.
 */
import type OpenAI from 'openai';
import type { ZodType } from 'zod';

export interface JsonCall {
  client: OpenAI;
  model: string;
  system: string;
  user: string;
  schemaName: string;
  schema: Record<string, unknown>;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

/** The parsed JSON of the reply, or undefined when the reply holds none. */
export async function chatJson(call: JsonCall): Promise<unknown> {
  const completion = await call.client.chat.completions.create(
    {
      model: call.model,
      messages: [
        { role: 'system', content: call.system },
        { role: 'user', content: call.user },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: call.schemaName, strict: true, schema: call.schema },
      },
      temperature: call.temperature,
      max_completion_tokens: call.maxTokens,
    },
    { signal: call.signal },
  );
  return parseJsonLoosely(completion.choices[0]?.message?.content ?? '');
}

export function parseJsonLoosely(text: string): unknown {
  const attempts = [text, text.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '')];
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) attempts.push(text.slice(first, last + 1));
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next shape
    }
  }
  return undefined;
}

/** The items under `key` that have `schema`'s shape; `dropped` counts the rest (and a reply without the list). */
export function parseItems<T>(
  json: unknown,
  key: string,
  schema: ZodType<T>,
): { drafts: T[]; dropped: number } {
  const items = (json as Record<string, unknown> | null | undefined)?.[key];
  if (!Array.isArray(items)) return { drafts: [], dropped: 1 };
  const drafts: T[] = [];
  let dropped = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) drafts.push(parsed.data);
    else dropped++;
  }
  return { drafts, dropped };
}
