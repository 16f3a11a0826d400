import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  condenseOffline,
  condenseWithLlm,
  isFollowUp,
  topicOf,
} from '../../../src/conversations/engine/condense.ts';
import type { ChatTurn } from '../../../src/conversations/engine/types.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../../helpers/fake-openai.ts';

const ISLAND: ChatTurn[] = [
  { role: 'user', content: 'Tell me about Madeira island' },
  {
    role: 'assistant',
    content:
      'Madeira is a Portuguese archipelago in the North Atlantic Ocean [1]. Its capital is Funchal, a port city on the south coast [1].',
  },
];

describe('condenseOffline', () => {
  it('resolves "and who founded it?" to the island the conversation is about', () => {
    const r = condenseOffline(ISLAND, 'and who founded it?');
    expect(r.method).toBe('offline');
    expect(r.query).toBe('who founded Madeira island');
  });

  it('leaves a question that stands alone as it is', () => {
    const r = condenseOffline(ISLAND, 'What is the boiling point of liquid nitrogen?');
    expect(r).toEqual({ query: 'What is the boiling point of liquid nitrogen', method: 'unchanged' });
  });

  it('keeps the topic through a chain of follow-ups', () => {
    const history: ChatTurn[] = [
      ...ISLAND,
      { role: 'user', content: 'and who founded it?' },
      { role: 'assistant', content: 'It was settled by João Gonçalves Zarco around 1420 [2].' },
    ];
    expect(condenseOffline(history, 'How many people live there?').query).toBe(
      'How many people live in Madeira island',
    );
    expect(condenseOffline(history, 'what about its main crop?').query).toBe("Madeira island's main crop");
  });

  it('asks the previous question of a new subject for "what about <Name>?"', () => {
    const history: ChatTurn[] = [
      { role: 'user', content: 'Who founded Madeira island?' },
      { role: 'assistant', content: 'Zarco, Teixeira and Perestrelo founded the first settlement [1].' },
    ];
    expect(condenseOffline(history, 'What about Porto Santo?').query).toBe('Who founded Porto Santo');
  });

  it('borrows the answer’s main name when the user never named the topic', () => {
    const history: ChatTurn[] = [
      { role: 'user', content: 'what is this chapter about?' },
      {
        role: 'assistant',
        content:
          'The chapter describes how the Krebs cycle works [1]. In the Krebs cycle, acetyl-CoA is oxidised [2].',
      },
    ];
    expect(condenseOffline(history, 'where does it happen?').query).toBe('where does Krebs cycle happen');
  });

  it('tells follow-ups from standalone questions', () => {
    expect(isFollowUp('and who founded it?')).toBe(true);
    expect(isFollowUp('Why?')).toBe(true);
    expect(isFollowUp('What about Porto Santo?')).toBe(true);
    expect(isFollowUp('Is there a bridge on the island?')).toBe(false);
    expect(isFollowUp('Who founded Lisbon?')).toBe(false);
    expect(topicOf('Tell me about Madeira island')).toBe('Madeira island');
    expect(topicOf('Who built the Bay of Funchal harbour')).toBe('Bay of Funchal harbour');
  });
});

describe('condenseWithLlm', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  it('asks the model once, briefly, at temperature 0, and uses its query', async () => {
    const before = fake.chatRequests().length;
    fake.enqueue({ kind: 'json', content: 'Query: "Who founded Madeira island?"' });
    const r = await condenseWithLlm(client, 'm', ISLAND, 'and who founded it?', new AbortController().signal);
    expect(r).toEqual({ query: 'Who founded Madeira island?', method: 'llm' });
    const [req] = fake.chatRequests().slice(before);
    expect(req.body.temperature).toBe(0);
    expect(req.body.stream).toBe(false);
    expect(req.body.max_tokens).toBeLessThanOrEqual(128);
    const prompt = req.body.messages.map((m: { content: string }) => m.content).join('\n');
    expect(prompt).toContain('User: Tell me about Madeira island');
    expect(prompt).not.toContain('[1]'); // old citation markers mean nothing to the rewrite
  });

  it('falls back to the offline rewrite when the provider fails, saying why', async () => {
    fake.enqueue({ kind: 'status', status: 500, message: 'boom' });
    const r = await condenseWithLlm(client, 'm', ISLAND, 'and who founded it?', new AbortController().signal);
    expect(r.method).toBe('offline');
    expect(r.query).toBe('who founded Madeira island');
    expect(r.fallbackReason).toMatch(/500/);
  });

  it('does not call the model without history', async () => {
    const before = fake.chatRequests().length;
    const r = await condenseWithLlm(client, 'm', [], 'Who founded Madeira?', new AbortController().signal);
    expect(r).toEqual({ query: 'Who founded Madeira', method: 'unchanged' });
    expect(fake.chatRequests().length).toBe(before);
  });

  it('rethrows when the caller aborts instead of falling back', async () => {
    fake.enqueue({ kind: 'hang' });
    const ac = new AbortController();
    const p = condenseWithLlm(client, 'm', ISLAND, 'and who founded it?', ac.signal);
    setTimeout(() => ac.abort(new Error('conversation deleted')), 20);
    await expect(p).rejects.toThrow('conversation deleted');
  });
});
