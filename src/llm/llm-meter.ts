/**
 * Counts the tokens of every chat completion, wherever in the code it is made (answers, condensing,
 * repair, quiz and deck drafting and judging, study guides, short-answer grading), and charges them to
 * the member and room the work is for (docs/school.md).
 *
 * It sits in the OpenAI SDK's `fetch`, so no engine needs to know about budgets: the work to charge is
 * named once around it with `run({ roomId, userId, purpose }, work)` (AsyncLocalStorage carries it into
 * every request that work makes). The provider's `usage` is taken when it reports one (streams ask for it
 * with `stream_options.include_usage`); otherwise prompt and completion are counted with the tokenizer.
 * A stream the caller abandons is charged for what arrived.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { countTokens } from '../text/tokens.ts';

export const LLM_PURPOSES = ['answer', 'quiz', 'deck', 'study_guide', 'grading'] as const;
export type LlmPurpose = (typeof LLM_PURPOSES)[number];

export interface LlmUsageScope {
  roomId: string;
  userId: string;
  purpose: LlmPurpose;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when the provider reported none and the tokenizer counted. */
  estimated: boolean;
}

/** Where the counts go: the usage table and the metrics (bootstrap wires it). Awaited before the caller resumes. */
export type LlmUsageSink = (scope: LlmUsageScope | undefined, usage: LlmUsage) => Promise<void>;

// Every message costs a few tokens of framing beyond its text (OpenAI's own rule of thumb: 3 + 1 per name).
const MESSAGE_OVERHEAD = 4;

export class LlmMeter {
  private readonly scopes = new AsyncLocalStorage<LlmUsageScope>();
  private readonly sink: LlmUsageSink;
  private readonly base: typeof fetch;

  constructor(sink: LlmUsageSink, base: typeof fetch = globalThis.fetch) {
    this.sink = sink;
    this.base = base;
  }

  /** Runs `work` with its completions charged to `scope` (none: counted in the metrics only). */
  run<T>(scope: LlmUsageScope | undefined, work: () => T): T {
    return scope ? this.scopes.run(scope, work) : work();
  }

  /** The `fetch` for the SDK client: passes everything through, metering chat completions on the way. */
  readonly fetch: typeof fetch = async (input, init) => {
    const response = await this.base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!response.ok || !/\/chat\/completions(?:\?|$)/.test(url)) return response;
    const scope = this.scopes.getStore();
    const prompt = () => estimatePromptTokens(init?.body);
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const body = (await response.clone().json()) as CompletionBody;
      await this.sink(
        scope,
        usageOf(body.usage, prompt, () => completionText(body)),
      );
      return response;
    }
    if (!response.body) return response;
    return new Response(this.meterStream(response.body, scope, prompt), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  /** The SSE body passed through unchanged; the usage chunk or the deltas are read on the way. */
  private meterStream(
    body: ReadableStream<Uint8Array>,
    scope: LlmUsageScope | undefined,
    prompt: () => number,
  ): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    let text = '';
    let reported: CompletionBody['usage'];
    let charged = false;
    const read = (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const data = line.startsWith('data:') ? line.slice(5).trim() : '';
        if (!data || data === '[DONE]') continue;
        try {
          const event = JSON.parse(data) as CompletionBody;
          if (event.usage) reported = event.usage;
          for (const choice of event.choices ?? []) text += choice.delta?.content ?? '';
        } catch {
          // not JSON: nothing to count
        }
      }
    };
    const charge = async () => {
      if (charged) return;
      charged = true;
      await this.sink(
        scope,
        usageOf(reported, prompt, () => text),
      );
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { value, done } = await reader.read();
          if (done) {
            read(`${decoder.decode()}\n`);
            await charge();
            controller.close();
            return;
          }
          read(decoder.decode(value, { stream: true }));
          controller.enqueue(value);
        } catch (error) {
          await charge();
          controller.error(error);
        }
      },
      cancel: async (reason) => {
        await charge();
        await reader.cancel(reason);
      },
    });
  }
}

interface CompletionBody {
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  choices?: { message?: { content?: string | null }; delta?: { content?: string | null } }[];
}

function usageOf(
  reported: CompletionBody['usage'],
  prompt: () => number,
  completion: () => string,
): LlmUsage {
  if (reported && typeof reported.prompt_tokens === 'number') {
    return {
      promptTokens: reported.prompt_tokens,
      completionTokens: reported.completion_tokens ?? 0,
      estimated: false,
    };
  }
  return { promptTokens: prompt(), completionTokens: countTokens(completion()), estimated: true };
}

function completionText(body: CompletionBody): string {
  return (body.choices ?? []).map((choice) => choice.message?.content ?? '').join('');
}

/** The request's messages counted with the tokenizer (text parts of multi-part content included). */
export function estimatePromptTokens(body: unknown): number {
  if (typeof body !== 'string') return 0;
  let messages: { content?: unknown }[] = [];
  try {
    messages = (JSON.parse(body) as { messages?: { content?: unknown }[] }).messages ?? [];
  } catch {
    return 0;
  }
  let tokens = 0;
  for (const message of messages) {
    const content = message.content;
    const text =
      typeof content === 'string'
        ? content
        : Array.isArray(content)
          ? content
              .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
              .join('')
          : '';
    tokens += countTokens(text) + MESSAGE_OVERHEAD;
  }
  return tokens;
}
