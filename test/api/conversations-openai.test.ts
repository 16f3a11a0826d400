/**
 * Conversations with the OpenAI-compatible engine, end to end: the real server (HTTP + WebSocket, real
 * PostgreSQL, offline embedder) talks to the test-owned provider in test/helpers/fake-openai.ts, which
 * streams real SSE. The fake answers by reading the prompt the server sent: it finds the numbered source
 * that holds the fact asked about and streams that fact, quoted, with the source's `[n]` marker, so the
 * server's citation check passes or fails for real.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONDENSE_SYSTEM_PROMPT } from '../../src/conversations/engine/condense.ts';
import { REPAIR_INSTRUCTION } from '../../src/conversations/engine/verify.ts';
import {
  DeleteConversationDocument,
  MeDocument,
  MessageDocument,
  type MessageFieldsFragment,
  MessageStreamDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { ask, collectStream, type StreamEvent, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import {
  type FakeBehaviour,
  type FakeOpenAI,
  type FakeRequest,
  startFakeOpenAI,
} from '../helpers/fake-openai.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Facts on known pages, with filler so each page is its own chunk.
const filler = (topic: string) =>
  Array.from(
    { length: 14 },
    (_, i) => `Further remarks on ${topic} continue in paragraph ${i + 1} of this page.`,
  );
const FACTS = {
  archipelago: 'Madeira is a Portuguese archipelago in the Atlantic Ocean',
  discovery:
    'Madeira was discovered in 1419 by the Portuguese sailors João Gonçalves Zarco and Tristão Vaz Teixeira',
  wine: 'The Madeira wine trade grew during the eighteenth century and reached England and America',
  plates: 'Iceland sits on the Mid-Atlantic Ridge, where the Eurasian and North American plates separate',
};
const PAGES = [
  ['Atlantic Islands', `${FACTS.archipelago}.`, ...filler('the ocean')],
  ['Discovery', `${FACTS.discovery}.`, ...filler('navigation')],
  ['Economy', `${FACTS.wine}.`, ...filler('trade')],
  ['Volcanoes', `${FACTS.plates}.`, ...filler('geology')],
];

// Which fact the fake answers with, by a word of the question (checked in this order).
const TOPICS: Array<[RegExp, keyof typeof FACTS]> = [
  [/discover/i, 'discovery'],
  [/wine/i, 'wine'],
  [/plates|iceland|ridge/i, 'plates'],
  [/madeira/i, 'archipelago'],
];

// biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the client sent
type Body = any;
const lastContent = (body: Body): string => String(body?.messages?.at(-1)?.content ?? '');
const isCondense = (body: Body) => body?.messages?.[0]?.content === CONDENSE_SYSTEM_PROMPT;
const isRepair = (body: Body) => lastContent(body) === REPAIR_INSTRUCTION;
/** The user message that carries the sources and the question (the last one, or the one before a repair). */
const answerPrompt = (body: Body): string =>
  String(body.messages.filter((m: { role: string }) => m.role === 'user').at(0)?.content ?? '');
const questionOf = (body: Body) => /\nQuestion: ([^\n]*)/.exec(answerPrompt(body))?.[1] ?? '';

/** The numbered sources of a prompt: `[n] (title, p. X)` then the chunk text. */
function sourcesOf(prompt: string): Array<{ n: number; pages: string; text: string }> {
  const out: Array<{ n: number; pages: string; text: string }> = [];
  const heads = [...prompt.matchAll(/^\[(\d+)\] \((.+), (p\. [\d–]+)\)\n/gm)];
  heads.forEach((head, i) => {
    const end = i + 1 < heads.length ? heads[i + 1].index : prompt.indexOf('\n\nQuestion: ');
    out.push({ n: Number(head[1]), pages: head[3], text: prompt.slice(head.index + head[0].length, end) });
  });
  return out;
}

/** The fact's words as tokens ("word "), then the marker of the source holding it, if asked for. */
function factTokens(prompt: string, question: string, withMarker = true): string[] {
  const topic = TOPICS.find(([pattern]) => pattern.test(question))?.[1] ?? 'archipelago';
  const fact = FACTS[topic];
  const source = sourcesOf(prompt).find((s) => s.text.includes(fact));
  const words = fact.split(' ').map((word, i, all) => (i < all.length - 1 ? `${word} ` : word));
  return withMarker && source ? [...words, ` [${source.n}]`, '.'] : [...words, '.'];
}

/** 1,000 tokens: numbered words, then the cited fact (so no repair round rewrites the text). */
function thousandTokens(prompt: string, question: string): string[] {
  const fact = factTokens(prompt, question);
  return [...Array.from({ length: 1000 - fact.length }, (_, i) => `w${i} `), ...fact];
}

/**
 * The default script: condense requests get a fixed standalone query; answers stream the fact (without a
 * marker when the question asks for a repair, with one in the repair round); "slowly" streams with long
 * gaps; "forever" streams long enough to be deleted midway.
 */
const STANDALONE = 'discovery of Madeira by Portuguese sailors';
function responder(body: Body): FakeBehaviour {
  if (isCondense(body)) return { kind: 'json', content: `Standalone query: "${STANDALONE}"` };
  const question = questionOf(body);
  const prompt = answerPrompt(body);
  if (isRepair(body)) return { kind: 'stream', tokens: factTokens(prompt, question), delayMs: 2 };
  if (/uncited/i.test(question)) {
    return { kind: 'stream', tokens: factTokens(prompt, question, false), delayMs: 2 };
  }
  if (/slowly/i.test(question)) return { kind: 'stream', tokens: factTokens(prompt, question), delayMs: 150 };
  if (/thousand/i.test(question)) {
    return {
      kind: 'stream',
      tokens: thousandTokens(prompt, question),
      burst: 40,
      delayMs: 10,
      firstDelayMs: 300,
    };
  }
  if (/forever/i.test(question)) {
    return { kind: 'stream', tokens: Array.from({ length: 400 }, (_, i) => `word${i} `), delayMs: 25 };
  }
  return { kind: 'stream', tokens: factTokens(prompt, question), delayMs: 5 };
}

let fake: FakeOpenAI;
let server: TestServer;
let user: Actor;
let roomId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ responder });
  server = await startTestServer({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: 'test',
    CHAT_MODEL: 'fake-model',
  });
  user = await createUser(server.url, 'Student');
  roomId = (await createRoom(server.url, user, 'Geography')).id;
  const upload = await uploadFile(
    server.url,
    user.token,
    roomId,
    await makePdf(PAGES, { fontSize: 9 }),
    'islands.pdf',
    { title: 'Atlantic islands' },
  );
  const document = await waitForDocument(server.url, user.token, upload.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

// Chunks overlap, so a fact's chunk may start on the page before; it must still span the fact's page.
const covers = (span: { pageStart: number; pageEnd: number }, page: number) =>
  span.pageStart <= page && page <= span.pageEnd;
const labelCovers = (label: string, page: number) => {
  const [start, end = start] = label.replace('p. ', '').split('–').map(Number);
  return covers({ pageStart: start, pageEnd: end }, page);
};

const requestsFor = (question: string): FakeRequest[] =>
  fake.chatRequests().filter((r) => !isCondense(r.body) && questionOf(r.body) === question);

async function storedMessage(id: string): Promise<MessageFieldsFragment> {
  const { node } = await call(server.url, MessageDocument, { id }, user.token);
  if (node?.__typename !== 'Message') throw new Error(`message ${id} not found`);
  return node;
}

/** Subscribes; `started` resolves at the first event carrying text, `done` when the stream completes. */
function subscribeUntilText(messageId: string) {
  const events: StreamEvent[] = [];
  const client = wsClient(server.wsUrl, user.token);
  let firstText: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    firstText = resolve;
  });
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe(
      { query: print(MessageStreamDocument), variables: { messageId } },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
          const event = (value.data as { messageStream: StreamEvent }).messageStream;
          events.push(event);
          if (event.content !== '') firstText();
        },
        error: reject,
        complete: resolve,
      },
    );
  }).finally(() => client.dispose());
  return { started: Promise.race([started, done]), done, events };
}

describe('conversations with an OpenAI-compatible provider', () => {
  it('streams deltas in order that add up to the stored, cited answer; the prompt numbers the sources', async () => {
    const question = 'When was Madeira discovered?';
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    expect(message).toMatchObject({ role: 'ASSISTANT', status: 'STREAMING' });

    const events = await collectStream(server.wsUrl, user.token, message.id);
    const last = events.at(-1)!;
    expect(last.done).toBe(true);
    expect(events.length).toBeGreaterThan(3);
    // Each event extends the text before it, and the deltas add up to the final text.
    for (let i = 1; i < events.length; i++) {
      expect(events[i].reset).toBe(false);
      expect(events[i].content).toBe(events[i - 1].content + events[i].delta);
    }
    expect(events.map((event) => event.delta).join('')).toBe(last.content);

    const [sent] = requestsFor(question);
    expect(sent.body).toMatchObject({ model: 'fake-model', stream: true });
    const prompt = answerPrompt(sent.body);
    const sources = sourcesOf(prompt);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
    expect(prompt).toContain(`Question: ${question}`);
    const cited = sources.find((s) => s.text.includes(FACTS.discovery))!;
    expect(labelCovers(cited.pages, 2)).toBe(true);
    // What the fake streamed, and nothing else, is the answer.
    expect(last.content).toBe(`${FACTS.discovery} [${cited.n}].`);

    const stored = await storedMessage(message.id);
    expect(stored).toMatchObject({
      status: 'COMPLETE',
      content: last.content,
      engine: 'openai',
      model: 'fake-model',
    });
    expect(stored.metadata).toMatchObject({ engine: 'openai', model: 'fake-model' });
    expect(stored.citations).toHaveLength(1);
    expect(stored.citations[0].index).toBe(cited.n);
    expect(covers(stored.citations[0], 2)).toBe(true);
    expect(stored.citations[0].quote).toContain('discovered in 1419');
    expect(stored.groundedness).toBe(1);
    expect(last.message).toMatchObject({ status: 'COMPLETE', content: last.content });
  });

  it('coalesces 1,000 tokens sent in bursts into far fewer events, losing and reordering none', async () => {
    const question = 'A thousand words on the discovery of Madeira';
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    const events = await collectStream(server.wsUrl, user.token, message.id);

    const [sent] = requestsFor(question);
    const tokens = thousandTokens(answerPrompt(sent.body), question);
    expect(tokens).toHaveLength(1000);
    const text = tokens.join('');
    expect(events.every((event) => !event.reset)).toBe(true);
    expect(events.map((event) => event.delta).join('')).toBe(text);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].content).toBe(events[i - 1].content + events[i].delta);
    }
    // Streamed (the subscriber listened before the first token), yet in far fewer frames than tokens.
    const withText = events.filter((event) => event.delta !== '');
    expect(withText.length).toBeGreaterThan(5);
    expect(withText[0].content.length).toBeLessThan(text.length / 4);
    expect(events.length).toBeLessThan(200);
    const stored = await storedMessage(message.id);
    expect(stored).toMatchObject({ status: 'COMPLETE', content: text });
  });

  it('retries a 429 before the first token and completes the answer', async () => {
    const question = 'Where did the Madeira wine trade reach?';
    fake.enqueue({ kind: 'status', status: 429, message: 'slow down', headers: { 'retry-after-ms': '50' } });
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    const events = await collectStream(server.wsUrl, user.token, message.id);
    const stored = await storedMessage(message.id);
    expect(stored.status).toBe('COMPLETE');
    expect(stored.content).toContain('reached England and America');
    expect(stored.citations).toHaveLength(1);
    expect(covers(stored.citations[0], 3)).toBe(true);
    expect(events.map((event) => event.delta).join('')).toBe(stored.content);
    // The same prompt was sent twice: the rate-limited attempt and the retry.
    const sent = requestsFor(question);
    expect(sent).toHaveLength(2);
    expect(sent[1].body.messages).toEqual(sent[0].body.messages);
  });

  it('marks an answer whose stream is cut midway FAILED, says why, and keeps the partial text', async () => {
    const question = 'Which plates separate at the ridge?';
    const tokens = ['Iceland ', 'sits ', 'on ', 'the ', 'Mid-Atlantic ', 'Ridge ', '[1].'];
    fake.enqueue({ kind: 'cut', tokens, afterTokens: 4, delayMs: 5 });
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    const events = await collectStream(server.wsUrl, user.token, message.id);
    expect(events.at(-1)!.done).toBe(true);

    const stored = await storedMessage(message.id);
    expect(stored.status).toBe('FAILED');
    expect(stored.content).toBe('Iceland sits on the ');
    expect(stored.error).toMatch(/broke off/);
    expect(stored.error).toMatch(/partial answer was kept/);
    expect(stored.citations).toEqual([]);
    // No retry once text had been streamed.
    expect(requestsFor(question)).toHaveLength(1);
    expect(requestsFor(question)[0].outcome).toBe('cut');
  });

  it('keeps serving other requests and answers while a slow stream is still open', async () => {
    const slowQuestion = 'Tell me slowly when Madeira was discovered';
    const slowConversation = await startConversation(server.url, user.token, roomId);
    const slow = await ask(server.url, user.token, slowConversation.id, slowQuestion);
    const slowStream = subscribeUntilText(slow.id);
    await slowStream.started;

    // Meanwhile: a query, and a whole answer in another conversation.
    const me = await call(server.url, MeDocument, undefined, user.token);
    expect(me.me?.id).toBe(user.id);
    const other = await startConversation(server.url, user.token, roomId);
    const otherMessage = await ask(server.url, user.token, other.id, 'Where did the wine trade reach?');
    const otherEvents = await collectStream(server.wsUrl, user.token, otherMessage.id);
    expect(otherEvents.at(-1)!.message).toMatchObject({ status: 'COMPLETE' });

    // ...all while the slow answer was still being written.
    expect((await storedMessage(slow.id)).status).toBe('STREAMING');
    expect(slowStream.events.at(-1)!.done).toBe(false);

    await slowStream.done;
    const final = slowStream.events.at(-1)!;
    expect(final.message).toMatchObject({ status: 'COMPLETE' });
    expect(final.content).toContain('1419');
  });

  it('aborts the provider request when the conversation is deleted mid-stream', async () => {
    const question = 'Talk about Madeira forever';
    const before = fake.requests.length;
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    const stream = subscribeUntilText(message.id);
    await stream.started;
    const closed = fake.waitForClientClose({ fromRequest: before, timeoutMs: 5_000 });

    await call(server.url, DeleteConversationDocument, { id: conversation.id }, user.token);
    const request = await closed;
    expect(questionOf(request.body)).toBe(question);
    await stream.done;
    expect(stream.events.at(-1)!.done).toBe(true);
    // It stopped far short of the 400 tokens it was going to send.
    expect(stream.events.at(-1)!.content.split(' ').length).toBeLessThan(400);
  });

  it('rewrites a follow-up with the LLM and retrieves with the standalone query', async () => {
    const conversation = await startConversation(server.url, user.token, roomId);
    const first = await ask(server.url, user.token, conversation.id, 'Tell me about Madeira.');
    await collectStream(server.wsUrl, user.token, first.id);
    const condenseBefore = fake.chatRequests().filter((r) => isCondense(r.body)).length;

    const question = 'And who discovered it?';
    const followUp = await ask(server.url, user.token, conversation.id, question);
    await collectStream(server.wsUrl, user.token, followUp.id);

    const condense = fake.chatRequests().filter((r) => isCondense(r.body));
    expect(condense).toHaveLength(condenseBefore + 1);
    const condensePrompt = lastContent(condense.at(-1)!.body);
    expect(condensePrompt).toContain('User: Tell me about Madeira.');
    expect(condensePrompt).toContain(`Assistant: ${FACTS.archipelago}.`);
    expect(condensePrompt).toContain(`Last message: ${question}`);

    const stored = await storedMessage(followUp.id);
    expect(stored.metadata).toMatchObject({ standaloneQuery: STANDALONE });
    // The answer prompt restates the query, and retrieval with it ranked the discovery page first.
    const [sent] = requestsFor(question);
    const prompt = answerPrompt(sent.body);
    expect(prompt).toContain(`(In context: ${STANDALONE})`);
    expect(labelCovers(sourcesOf(prompt)[0].pages, 2)).toBe(true);
    expect(sourcesOf(prompt)[0].text).toContain(FACTS.discovery);
    // The history went to the model too, markers stripped.
    expect(sent.body.messages.map((m: { role: string }) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
    ]);
    expect(stored.content).toContain('1419');
  });

  it('gives an answer with no valid citation one repair round', async () => {
    const question = 'Uncited: when was Madeira discovered?';
    const conversation = await startConversation(server.url, user.token, roomId);
    const message = await ask(server.url, user.token, conversation.id, question);
    const events = await collectStream(server.wsUrl, user.token, message.id);

    const sent = requestsFor(question);
    expect(sent).toHaveLength(2);
    expect(isRepair(sent[1].body)).toBe(true);
    // The repair round shows the model its unmarked answer.
    expect(sent[1].body.messages.at(-2)).toEqual({ role: 'assistant', content: `${FACTS.discovery}.` });

    const stored = await storedMessage(message.id);
    expect(stored.status).toBe('COMPLETE');
    expect(stored.metadata).toMatchObject({ repaired: true });
    expect(stored.citations).toHaveLength(1);
    expect(covers(stored.citations[0], 2)).toBe(true);
    expect(stored.content).toMatch(/1419 .*\[\d\]\.$/);
    // Subscribers were told the text restarted, and end with the repaired text.
    expect(events.some((event) => event.reset)).toBe(true);
    expect(events.at(-1)!.content).toBe(stored.content);
  });
});
