/**
 * The OpenAI engine against the test-owned OpenAI-compatible server (test/helpers/fake-openai.ts), which
 * streams real SSE over real HTTP, so retries, cuts and aborts happen as they would with a provider.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnswerProviderError } from '../../../src/conversations/engine/errors.ts';
import {
  OpenAIAnswerEngine,
  type OpenAIAnswerEngineOptions,
} from '../../../src/conversations/engine/openai-engine.ts';
import type { AnswerInput } from '../../../src/conversations/engine/types.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../../helpers/fake-openai.ts';
import { MADEIRA_SOURCES } from './sample-sources.ts';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

function engine(options: Partial<OpenAIAnswerEngineOptions> = {}) {
  return new OpenAIAnswerEngine({
    model: 'fake-chat',
    baseURL: fake.baseURL,
    apiKey: 'k',
    retryBaseMs: 1,
    ...options,
  });
}

function input(signal = new AbortController().signal) {
  const deltas: string[] = [];
  const value: AnswerInput = {
    question: 'and who founded it?',
    standaloneQuery: 'who founded Madeira island',
    history: [
      { role: 'user', content: 'Tell me about Madeira island' },
      { role: 'assistant', content: 'Madeira is a Portuguese archipelago [1].' },
    ],
    sources: MADEIRA_SOURCES,
    signal,
    onDelta: (d) => deltas.push(d),
  };
  return { deltas, value };
}

const TOKENS = ['The first ', 'settlement ', 'was founded ', 'by João ', 'Gonçalves Zarco ', '[2].'];

describe('OpenAIAnswerEngine', () => {
  it('streams deltas in order and returns the text, finish reason and usage', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'stream', tokens: TOKENS, delayMs: 2 });
    const { deltas, value } = input();
    const result = await engine().answer(value);
    expect(deltas).toEqual(TOKENS);
    expect(result.text).toBe(TOKENS.join(''));
    expect(result.finishReason).toBe('stop');
    expect(result.usage?.completionTokens).toBe(TOKENS.length);
    expect(result.usage?.promptTokens).toBeGreaterThan(50);

    const [req] = fake.chatRequests().slice(before);
    expect(req.body).toMatchObject({
      model: 'fake-chat',
      stream: true,
      stream_options: { include_usage: true },
    });
    const roles = req.body.messages.map((m: { role: string }) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'user']);
    expect(req.body.messages[0].content).toMatch(/only the numbered sources/i);
    expect(req.body.messages[3].content).toContain('[2] (Atlantic Islands Guide, p. 4–5)');
    expect(req.body.messages[3].content).toContain('Question: and who founded it?');
    expect(req.body.messages[3].content).toContain('In context: who founded Madeira island');
  });

  it('retries a 429 before the first token and then streams', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'status', status: 429, message: 'slow down' }, { kind: 'stream', tokens: TOKENS });
    const { deltas, value } = input();
    const result = await engine().answer(value);
    expect(result.text).toBe(TOKENS.join(''));
    expect(deltas).toEqual(TOKENS);
    expect(fake.chatRequests().length - before).toBe(2);
  });

  it('honours retry-after-ms from the provider', async () => {
    fake.enqueue(
      { kind: 'status', status: 503, headers: { 'retry-after-ms': '150' } },
      { kind: 'stream', tokens: TOKENS },
    );
    const started = performance.now();
    await engine().answer(input().value);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('gives up after 3 retries with a message that says why', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 429 })));
    const err = await engine()
      .answer(input().value)
      .catch((e) => e);
    expect(err).toBeInstanceOf(AnswerProviderError);
    expect(err.failure).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/rate limiting.*429.*4 attempts/);
    expect(fake.chatRequests().length - before).toBe(4);
  });

  it('does not retry a request the provider rejects', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'status', status: 400, message: 'model not found' });
    const err = await engine()
      .answer(input().value)
      .catch((e) => e);
    expect(err.failure).toBe('REJECTED');
    expect(err.message).toContain('model not found');
    expect(fake.chatRequests().length - before).toBe(1);
  });

  it('fails a stream cut mid-answer without retrying, keeping the partial text', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue(
      { kind: 'cut', tokens: TOKENS, afterTokens: 3, delayMs: 2 },
      { kind: 'stream', tokens: ['never'] },
    );
    const { deltas, value } = input();
    const err = await engine()
      .answer(value)
      .catch((e) => e);
    expect(err).toBeInstanceOf(AnswerProviderError);
    expect(err.failure).toBe('STREAM_CUT');
    expect(err.message).toMatch(
      /broke off after 33 characters \(terminated.*\); the partial answer was kept/,
    );
    expect(err.partialText).toBe('The first settlement was founded ');
    expect(deltas).toEqual(TOKENS.slice(0, 3));
    expect(fake.chatRequests().length - before).toBe(1);
  });

  it('retries a stream that closes before any text', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'cut', tokens: TOKENS, afterTokens: 0 }, { kind: 'stream', tokens: TOKENS });
    const { deltas, value } = input();
    const result = await engine().answer(value);
    expect(result.text).toBe(TOKENS.join(''));
    expect(deltas).toEqual(TOKENS);
    expect(fake.chatRequests().length - before).toBe(2);
  });

  it('cancels the provider request when aborted mid-stream', async () => {
    const from = fake.requests.length;
    fake.enqueue({ kind: 'stream', tokens: Array.from({ length: 200 }, (_, i) => `t${i} `), delayMs: 5 });
    const ac = new AbortController();
    const { deltas, value } = input(ac.signal);
    value.onDelta = (d) => {
      deltas.push(d);
      if (deltas.length === 3) ac.abort(new Error('conversation deleted'));
    };
    await expect(engine().answer(value)).rejects.toThrow('conversation deleted');
    const closed = await fake.waitForClientClose({ fromRequest: from });
    expect(closed.outcome).toBe('client-closed');
    expect(deltas.length).toBe(3);
  });

  it('cancels a request that has not answered yet', async () => {
    const from = fake.requests.length;
    fake.enqueue({ kind: 'hang' });
    const ac = new AbortController();
    const pending = engine().answer(input(ac.signal).value);
    setTimeout(() => ac.abort(new Error('shutting down')), 30);
    await expect(pending).rejects.toThrow('shutting down');
    await fake.waitForClientClose({ fromRequest: from });
  });

  it('gives up on a provider that goes silent mid-stream, keeping what it sent', async () => {
    fake.enqueue({
      kind: 'stream',
      tokens: ['Madeira ', 'is ', 'Portuguese'],
      firstDelayMs: 0,
      delayMs: 400,
    });
    const { deltas, value } = input();
    const err = await engine({ idleTimeoutMs: 100 })
      .answer(value)
      .catch((e) => e);
    expect(err.failure).toBe('TIMEOUT');
    expect(err.message).toMatch(/broke off after 8 characters \(no data for 100 ms\)/);
    expect(deltas).toEqual(['Madeira ']);
  });

  it('retries a provider that sends nothing at all, then says so', async () => {
    const before = fake.chatRequests().length;
    fake.setResponder(() => ({ kind: 'hang' }));
    const err = await engine({ timeoutMs: 50, maxRetries: 1 })
      .answer(input().value)
      .catch((e) => e);
    expect(err.failure).toBe('TIMEOUT');
    expect(err.message).toMatch(/did not respond within 50 ms \(2 attempts\)/);
    expect(fake.chatRequests().length - before).toBe(2);
  });

  it('repairs an answer through one streamed round with the repair instruction', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'stream', tokens: ['Zarco founded ', 'it [2].'] });
    const result = await engine().repair({
      question: 'Who founded Madeira?',
      answer: 'Zarco founded it.',
      sources: MADEIRA_SOURCES,
      signal: new AbortController().signal,
    });
    expect(result.text).toBe('Zarco founded it [2].');
    const [req] = fake.chatRequests().slice(before);
    expect(req.body.messages.at(-2)).toEqual({ role: 'assistant', content: 'Zarco founded it.' });
    expect(req.body.messages.at(-1).content).toMatch(/does not cite the sources correctly/);
  });
});
