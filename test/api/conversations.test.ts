import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConversationDocument,
  DeleteConversationDocument,
  MessageDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
} from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let member: Actor;
let outsider: Actor;
let roomId: string;

// Facts on known pages, with filler so each page is its own chunk.
const filler = (topic: string) =>
  Array.from(
    { length: 14 },
    (_, i) => `Further remarks on ${topic} continue in paragraph ${i + 1} of this page.`,
  );
const PAGES = [
  ['Atlantic Islands', 'Madeira is a Portuguese archipelago in the Atlantic Ocean.', ...filler('the ocean')],
  [
    'Discovery',
    'Madeira was discovered in 1419 by the Portuguese sailors João Gonçalves Zarco and Tristão Vaz Teixeira.',
    ...filler('navigation'),
  ],
  [
    'Economy',
    'The Madeira wine trade grew during the eighteenth century and reached England and America.',
    ...filler('trade'),
  ],
  [
    'Volcanoes',
    'Iceland sits on the Mid-Atlantic Ridge, where the Eurasian and North American plates separate.',
    ...filler('geology'),
  ],
];

beforeAll(async () => {
  server = await startTestServer();
  [owner, member, outsider] = await Promise.all(
    ['Owner', 'Member', 'Outsider'].map((n) => createUser(server.url, n)),
  );
  roomId = (await createRoom(server.url, owner, 'Geography')).id;
  await addMember(server.url, owner, roomId, member, 'VIEWER');
  const upload = await uploadFile(
    server.url,
    owner.token,
    roomId,
    await makePdf(PAGES, { fontSize: 9 }),
    'islands.pdf',
    {
      title: 'Atlantic islands',
    },
  );
  const document = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
});
afterAll(() => server.close());

describe('conversations with the offline engine', () => {
  it('streams an answer that contains the fact and cites the page it is on', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const message = await ask(server.url, member.token, conversation.id, 'When was Madeira discovered?');
    expect(message).toMatchObject({ role: 'ASSISTANT', status: 'STREAMING' });

    const events = await collectStream(server.wsUrl, member.token, message.id);
    // The text so far first (all of it when this fast offline answer ended before the subscription
    // started), then deltas and the end; token-by-token streaming is asserted in conversations-openai.
    const last = events.at(-1)!;
    expect(last.done).toBe(true);
    // Deltas add up to the final text.
    expect(events.map((event) => event.delta).join('')).toBe(last.content);
    expect(last.content).toContain('1419');
    expect(last.message).toMatchObject({ status: 'COMPLETE', engine: 'offline-extractive' });
    const citation = last.message!.citations.find((c) => c.quote.includes('1419'));
    expect(citation).toBeDefined();
    expect(citation!.pageStart).toBeLessThanOrEqual(2);
    expect(citation!.pageEnd).toBeGreaterThanOrEqual(2);
    expect(last.content).toContain(`[${citation!.index}]`);
    expect(last.message!.groundedness).toBeGreaterThan(0.5);
  });

  it('rewrites a follow-up with the history so it retrieves the right island', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const first = await ask(server.url, member.token, conversation.id, 'Tell me about Madeira.');
    await collectStream(server.wsUrl, member.token, first.id);
    const followUp = await ask(server.url, member.token, conversation.id, 'And who discovered it?');
    const events = await collectStream(server.wsUrl, member.token, followUp.id);
    const final = events.at(-1)!.message!;
    expect(final.metadata).toMatchObject({ standaloneQuery: expect.stringMatching(/madeira/i) });
    expect(final.content).toMatch(/Zarco/);
    expect(final.content).not.toMatch(/Iceland/);

    const { node } = await call(server.url, ConversationDocument, { id: conversation.id }, member.token);
    const roles =
      node?.__typename === 'Conversation' ? node.messages.edges.map((edge) => edge.node.role) : [];
    expect(roles).toEqual(['USER', 'ASSISTANT', 'USER', 'ASSISTANT']);
  });

  it('says the material does not cover an unrelated question, with no citations', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const message = await ask(
      server.url,
      member.token,
      conversation.id,
      'What is the boiling point of mercury?',
    );
    const final = (await collectStream(server.wsUrl, member.token, message.id)).at(-1)!.message!;
    expect(final.content).toMatch(/does not cover/);
    expect(final.citations).toEqual([]);
  });

  it('finishes the same answer with nobody listening, and a late subscriber gets the whole text at once', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const message = await ask(
      server.url,
      member.token,
      conversation.id,
      'Where did the Madeira wine trade reach?',
    );
    // Nobody subscribes; wait until it is stored.
    let stored: { status: string; content: string } | undefined;
    for (let i = 0; i < 100 && stored?.status !== 'COMPLETE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const result = await call(server.url, MessageDocument, { id: message.id }, member.token);
      stored = result.node?.__typename === 'Message' ? result.node : undefined;
    }
    expect(stored?.status).toBe('COMPLETE');
    const late = await collectStream(server.wsUrl, member.token, message.id);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ done: true, content: stored!.content, delta: stored!.content });
  });

  it('lets a subscriber drop and come back, and three subscribers end with the same text', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const message = await ask(
      server.url,
      member.token,
      conversation.id,
      'Which plates separate at the Mid-Atlantic Ridge?',
    );
    const dropped = collectStream(server.wsUrl, member.token, message.id, { stopAfter: 2 });
    const full = await Promise.all(
      [1, 2, 3].map(() => collectStream(server.wsUrl, member.token, message.id)),
    );
    await dropped;
    const again = await collectStream(server.wsUrl, member.token, message.id);
    const texts = [...full.map((events) => events.at(-1)!.content), again.at(-1)!.content];
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/Eurasian/);
    for (const events of full) expect(events.map((event) => event.delta).join('')).toBe(texts[0]);
  });

  it('keeps conversations private: another member and an outsider get NOT_FOUND', async () => {
    const conversation = await startConversation(server.url, member.token, roomId);
    const message = await ask(server.url, member.token, conversation.id, 'When was Madeira discovered?');
    for (const actor of [owner, outsider]) {
      const seen = await request(server.url, ConversationDocument, { id: conversation.id }, actor.token);
      expect(seen.errors).toBeUndefined();
      expect(seen.data?.node).toBeNull();
      await expect(collectStream(server.wsUrl, actor.token, message.id)).rejects.toThrow(/NOT_FOUND/);
    }
    expect(
      errorCode(await request(server.url, DeleteConversationDocument, { id: conversation.id }, owner.token)),
    ).toBe('NOT_FOUND');
    expect((await collectStream(server.wsUrl, member.token, message.id)).at(-1)!.done).toBe(true);
  });
});
