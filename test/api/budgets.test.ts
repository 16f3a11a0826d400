/**
 * Budgets and quotas through the real server (HTTP + WebSocket, real PostgreSQL) with the test-owned
 * OpenAI-compatible SSE server (test/helpers/fake-openai.ts), which reports `usage` the way OpenAI does,
 * or none at all, as some compatible servers do. Every figure asserted is recomputed from what the fake
 * actually received, so a token lost or counted twice fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimatePromptTokens } from '../../src/llm/llm-meter.ts';
import { countTokens } from '../../src/text/tokens.ts';
import {
  AskQuestionDocument,
  ConversationDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  GenerateStudyGuideDocument,
  RoomDocumentsDocument,
  RoomUsageDocument,
  type RoomUsageQuery,
  UpdateRoomBudgetsDocument,
  type UpdateRoomSettingsInput,
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
import { makePdf, replaceFile, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type FakeOpenAI, type FakeRequest, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const ANSWER = ['The ', 'tides ', 'follow ', 'the ', 'moon ', '[1].'];
const MONTH_DEFAULT = 1_000_000;

let fake: FakeOpenAI;
let server: TestServer;
let owner: Actor;
let student: Actor;

/** What the fake reports for one request: a quarter of the prompt's characters, one token per chunk. */
function reported(request: FakeRequest): number {
  const chars = (request.body.messages as { content?: unknown }[]).reduce(
    (n, m) => n + (typeof m.content === 'string' ? m.content.length : 0),
    0,
  );
  return Math.ceil(chars / 4) + ANSWER.length;
}

/** What the server must count for a request the fake answered without usage. */
const estimated = (request: FakeRequest) =>
  estimatePromptTokens(JSON.stringify(request.body)) + countTokens(ANSWER.join(''));

async function usageOf(roomId: string, actor = owner) {
  const { room } = await call(server.url, RoomUsageDocument, { id: roomId }, actor.token);
  return room!.usage;
}
type Usage = NonNullable<RoomUsageQuery['room']>['usage'];
const memberUsage = (usage: Usage, userId: string) =>
  usage!.members.find((member) => member.user.id === userId);

async function setBudgets(roomId: string, budgets: Omit<UpdateRoomSettingsInput, 'roomId'>) {
  return call(server.url, UpdateRoomBudgetsDocument, { input: { roomId, ...budgets } }, owner.token);
}

/** A room with one READY document, the student a viewer in it. */
async function roomWithDocument(name: string) {
  const roomId = (await createRoom(server.url, owner, name)).id;
  await addMember(server.url, owner, roomId, student, 'VIEWER');
  const pdf = await makePdf([
    ['Tides', 'The tides follow the moon and the sun.', 'Spring tides come at new and full moon.'],
  ]);
  const upload = await uploadFile(server.url, owner.token, roomId, pdf, `${name}.pdf`);
  const document = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
  return { roomId, documentId: document.id };
}

/** Asks and waits for the answer to finish; returns the chat requests it made. */
async function askAndFinish(actor: Actor, conversationId: string, question: string) {
  const before = fake.chatRequests().length;
  const message = await ask(server.url, actor.token, conversationId, question);
  const events = await collectStream(server.wsUrl, actor.token, message.id);
  expect(events.at(-1)?.message?.status).toBe('COMPLETE');
  return fake.chatRequests().slice(before);
}

async function metricsText() {
  return (await fetch(`${server.origin}/metrics`)).text();
}
/** The sum of a metric's samples whose labels include `labels` (prom-client prints labels in any order). */
function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`).exec(line);
    if (!match) continue;
    const found = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) sum += Number(match[2]);
  }
  return sum;
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ responder: () => ({ kind: 'stream', tokens: ANSWER }) });
  server = await startTestServer({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: 'test',
    CHAT_MODEL: 'fake-model',
    LLM_TOKENS_PER_MEMBER_PER_MONTH: String(MONTH_DEFAULT),
  });
  owner = await createUser(server.url, 'Teacher');
  student = await createUser(server.url, 'Student');
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('budget settings', () => {
  it('start from the environment, are changed by the owner, and are hidden from members', async () => {
    const roomId = (await createRoom(server.url, owner, 'Settings')).id;
    await addMember(server.url, owner, roomId, student, 'EDITOR');

    const { updateRoomSettings } = await setBudgets(roomId, { llmTokensPerMemberPerDay: 5_000_000_000 });
    expect(updateRoomSettings.settings!.llmTokensPerMemberPerDay).toBe(5_000_000_000); // past Int's 2^31
    const budgets = Object.fromEntries(updateRoomSettings.settings!.budgets.map((b) => [b.name, b]));
    expect(budgets.llmTokensPerMemberPerDay).toMatchObject({ limit: 5_000_000_000, fromEnvironment: false });
    expect(budgets.llmTokensPerMemberPerMonth).toMatchObject({
      limit: MONTH_DEFAULT,
      fromEnvironment: true,
      period: 'month',
      over: 'member',
    });
    expect(budgets.uploadsPerMemberPerDay).toMatchObject({ limit: null, fromEnvironment: true });

    // Null returns a budget to the environment's default; an omitted one keeps its value.
    const back = await setBudgets(roomId, { llmTokensPerMemberPerMonth: 7, uploadsPerMemberPerDay: 3 });
    expect(back.updateRoomSettings.settings!.llmTokensPerMemberPerDay).toBe(5_000_000_000);
    const reset = await setBudgets(roomId, {
      llmTokensPerMemberPerMonth: null,
      llmTokensPerMemberPerDay: null,
    });
    const after = Object.fromEntries(reset.updateRoomSettings.settings!.budgets.map((b) => [b.name, b]));
    expect(after.llmTokensPerMemberPerMonth).toMatchObject({ limit: MONTH_DEFAULT, fromEnvironment: true });
    expect(after.llmTokensPerMemberPerDay).toMatchObject({ limit: null, fromEnvironment: true });
    expect(after.uploadsPerMemberPerDay).toMatchObject({ limit: 3, fromEnvironment: false });

    const bad = await request(
      server.url,
      UpdateRoomBudgetsDocument,
      { input: { roomId, uploadsPerMemberPerDay: -1 } },
      owner.token,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const byEditor = await request(
      server.url,
      UpdateRoomBudgetsDocument,
      { input: { roomId, uploadsPerMemberPerDay: 100 } },
      student.token,
    );
    expect(errorCode(byEditor)).toBe('FORBIDDEN');
    const seen = await call(server.url, RoomUsageDocument, { id: roomId }, student.token);
    expect(seen.room).toMatchObject({ settings: null, usage: null });
  });
});

describe('LLM token budgets', () => {
  it('count the provider-reported usage of an answer against the asker and refuse the next question', async () => {
    const { roomId } = await roomWithDocument('Tides');
    await setBudgets(roomId, { llmTokensPerMemberPerDay: 1 });
    const conversation = await startConversation(server.url, student.token, roomId);

    const requests = await askAndFinish(student, conversation.id, 'What do the tides follow?');
    expect(requests.length).toBeGreaterThan(0);
    const spent = requests.reduce((n, r) => n + reported(r), 0);
    const usage = await usageOf(roomId);
    expect(memberUsage(usage, student.id)?.day.llmTokens).toBe(spent);
    expect(memberUsage(usage, owner.id)?.day.llmTokens).toBe(0);
    expect(usage!.day.llmTokens).toBe(spent);
    expect(usage!.month.llmTokens).toBe(spent);

    // Over the budget: refused before anything is stored or sent to the provider.
    const sent = fake.chatRequests().length;
    const refused = await request(
      server.url,
      AskQuestionDocument,
      { input: { conversationId: conversation.id, question: 'And the spring tides?' } },
      student.token,
    );
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    expect(refused.errors![0]!.extensions).toMatchObject({
      budget: 'llmTokensPerMemberPerDay',
      limit: 1,
      usage: spent,
      resetAt: midnight.toISOString(),
    });
    expect(refused.errors![0]!.message).toContain('resets at');
    expect(fake.chatRequests().length).toBe(sent);
    const stored = await call(server.url, ConversationDocument, { id: conversation.id }, student.token);
    expect(stored.node?.__typename === 'Conversation' && stored.node.messages.edges.length).toBe(2);

    // The budget is per member: the teacher still asks.
    const own = await startConversation(server.url, owner.token, roomId);
    await askAndFinish(owner, own.id, 'What do the tides follow?');

    // The next UTC day starts from zero.
    const realClock = server.services.clock;
    server.services.clock = { now: () => new Date(midnight.getTime() + 60_000) };
    try {
      const next = await askAndFinish(student, conversation.id, 'And the spring tides?');
      const tomorrow = await usageOf(roomId);
      expect(tomorrow!.day.llmTokens).toBe(next.reduce((n, r) => n + reported(r), 0));
      expect(tomorrow!.dayResetsAt).toBe(new Date(midnight.getTime() + 86_400_000).toISOString());
    } finally {
      server.services.clock = realClock;
    }

    const metrics = await metricsText();
    expect(metric(metrics, 'budget_refusals_total', { budget: 'llmTokensPerMemberPerDay' })).toBeGreaterThan(
      0,
    );
    expect(
      metric(metrics, 'llm_tokens_total', { direction: 'out', purpose: 'answer', source: 'provider' }),
    ).toBeGreaterThanOrEqual(ANSWER.length * 3);
  });

  it('count with the tokenizer when the provider reports no usage', async () => {
    const { roomId } = await roomWithDocument('Estimates');
    const before = metric(await metricsText(), 'llm_tokens_total', {
      direction: 'in',
      purpose: 'answer',
      source: 'estimate',
    });
    fake.setReportUsage(false);
    try {
      const conversation = await startConversation(server.url, student.token, roomId);
      const requests = await askAndFinish(student, conversation.id, 'What do the tides follow?');
      const usage = await usageOf(roomId);
      const expected = requests.reduce((n, r) => n + estimated(r), 0);
      expect(expected).toBeGreaterThan(ANSWER.length);
      expect(memberUsage(usage, student.id)?.day.llmTokens).toBe(expected);
    } finally {
      fake.setReportUsage(true);
    }
    const after = metric(await metricsText(), 'llm_tokens_total', {
      direction: 'in',
      purpose: 'answer',
      source: 'estimate',
    });
    expect(after).toBeGreaterThan(before);
  });

  it('charge generation jobs to the member who asked and refuse them over budget', async () => {
    const { roomId, documentId } = await roomWithDocument('Generation');
    await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, documentIds: [documentId], questionCount: 2, kinds: ['TRUE_FALSE'] } },
      owner.token,
    );
    // The worker's drafting calls land on the owner's counters (the fake's replies are no quiz: it fails).
    let spent = 0;
    for (let i = 0; i < 100 && spent === 0; i++) {
      spent = memberUsage(await usageOf(roomId), owner.id)!.day.llmTokens;
      if (spent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(spent).toBeGreaterThan(0);
    expect(memberUsage(await usageOf(roomId), student.id)!.day.llmTokens).toBe(0);
    const metrics = await metricsText();
    expect(metric(metrics, 'llm_tokens_total', { purpose: 'quiz', source: 'provider' })).toBeGreaterThan(0);

    await setBudgets(roomId, { llmTokensPerRoomPerDay: 1 });
    const input = { roomId, documentIds: [documentId] };
    const quiz = await request(
      server.url,
      GenerateQuizDocument,
      { input: { ...input, questionCount: 1 } },
      owner.token,
    );
    const deck = await request(
      server.url,
      GenerateFlashcardsDocument,
      { input: { ...input, count: 1 } },
      owner.token,
    );
    const guide = await request(server.url, GenerateStudyGuideDocument, { input }, student.token);
    for (const refused of [quiz, deck, guide]) {
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(refused.errors![0]!.extensions).toMatchObject({ budget: 'llmTokensPerRoomPerDay', limit: 1 });
    }
  });
});

describe('upload budgets', () => {
  it('count files and bytes per member and refuse what would pass them, storing nothing', async () => {
    const roomId = (await createRoom(server.url, owner, 'Uploads')).id;
    await addMember(server.url, owner, roomId, student, 'EDITOR');
    await setBudgets(roomId, { uploadsPerMemberPerDay: 2 });
    const pdf = (n: number) => makePdf([[`Document number ${n} about the tides.`]]);
    const sizes: number[] = [];
    const ids: string[] = [];
    const files: Uint8Array[] = [];
    for (const n of [1, 2]) {
      const bytes = await pdf(n);
      files.push(bytes);
      sizes.push(bytes.byteLength);
      const upload = await uploadFile(server.url, student.token, roomId, bytes, `d${n}.pdf`);
      expect(upload.body.errors).toBeUndefined();
      ids.push(upload.body.data!.uploadDocument.id);
    }
    const third = await uploadFile(server.url, student.token, roomId, await pdf(3), 'd3.pdf');
    expect(errorCode(third.body)).toBe('RATE_LIMITED');
    expect(third.body.errors![0]!.extensions).toMatchObject({
      budget: 'uploadsPerMemberPerDay',
      limit: 2,
      usage: 2,
    });
    // The same bytes again are the same document: no new upload, so not refused.
    const again = await uploadFile(server.url, student.token, roomId, files[0]!, 'd1-again.pdf');
    expect(again.body.errors).toBeUndefined();
    const owners = await uploadFile(server.url, owner.token, roomId, await pdf(4), 'd4.pdf');
    expect(owners.body.errors).toBeUndefined();

    const documents = await call(server.url, RoomDocumentsDocument, { id: roomId }, owner.token);
    expect(documents.room?.documents.edges.length).toBe(3);
    const usage = await usageOf(roomId);
    expect(memberUsage(usage, student.id)?.day).toMatchObject({
      uploads: 2,
      uploadBytes: sizes[0]! + sizes[1]!,
    });

    // Bytes: a replacement counts like an upload, and one that would pass the limit is refused.
    await setBudgets(roomId, {
      uploadsPerMemberPerDay: null,
      uploadBytesPerMemberPerDay: sizes[0]! + sizes[1]! + 10,
    });
    const replaced = await replaceFile(server.url, student.token, ids[0]!, await pdf(5), 'd5.pdf');
    expect(errorCode(replaced.body)).toBe('RATE_LIMITED');
    expect(replaced.body.errors![0]!.extensions).toMatchObject({ budget: 'uploadBytesPerMemberPerDay' });
    expect(replaced.body.errors![0]!.message).toMatch(/this file: \d+/);
    expect(memberUsage(await usageOf(roomId), student.id)?.day.uploadBytes).toBe(sizes[0]! + sizes[1]!);
    // Under the limit again (null: back to no limit), the replacement is stored and counted.
    await setBudgets(roomId, { uploadBytesPerMemberPerDay: null });
    const stored = await replaceFile(server.url, student.token, ids[0]!, await pdf(5), 'd5.pdf');
    expect(stored.body.data?.replaceDocument.version).toBe(2);
    expect(memberUsage(await usageOf(roomId), student.id)?.day.uploads).toBe(3);

    const metrics = await metricsText();
    expect(metric(metrics, 'uploads_total')).toBeGreaterThanOrEqual(3);
    expect(metric(metrics, 'budget_refusals_total', { budget: 'uploadsPerMemberPerDay' })).toBeGreaterThan(0);
  });
});
