import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import {
  AskQuestionDocument,
  DeckProgressDocument,
  DocumentProgressDocument,
  GenerateFlashcardsDocument,
  GenerateQuizDocument,
  GenerateStudyGuideDocument,
  LiveQuizDocument,
  MessageStreamDocument,
  QuizProgressDocument,
  RoomMemberAddedDocument,
  StartConversationDocument,
  StartLiveQuizDocument,
  StudyGuideStreamDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { followQuiz } from '../helpers/quizzes.ts';
import { RawSocket } from '../helpers/raw-socket.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The heap is measured after a full collection: expose V8's gc() to this test process.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Two servers on one database. `worker` ingests and generates; `api` (ROLE=api, its own job queue that
 * nothing consumes, an LLM that stops after its first word) keeps every subscription's topic open and silent: a
 * document stays QUEUED, a quiz GENERATING, an answer STREAMING, a live session in its LOBBY. Nothing is
 * published after the subscriptions are opened, so teardown cannot lean on a next event.
 */
let worker: TestServer;
let api: TestServer;
let llm: FakeOpenAI;
let owner: Actor;
const subscriptionFields = Object.keys(schema.getSubscriptionType()!.getFields());
type Case = { query: string; variables: Record<string, unknown>; snapshot: boolean };
const cases: Record<string, Case> = {};

beforeAll(async () => {
  // The answer's first words arrive, the rest never does: the message stays STREAMING.
  llm = await startFakeOpenAI({
    responder: () => ({ kind: 'stream', tokens: ['Marie ', 'Curie.'], firstDelayMs: 0, delayMs: 600_000 }),
  });
  // One secret, so a token from either server is good on both.
  const JWT_SECRET = randomBytes(32).toString('hex');
  worker = await startTestServer({ JWT_SECRET });
  api = await startTestServer({
    JWT_SECRET,
    ROLE: 'api',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: llm.baseURL,
  });
  owner = await createUser(api.url, 'Owner');
  const roomId = (await createRoom(api.url, owner, 'Teardown')).id;
  const pdf = await makePdf([
    ['Marie Curie won the Nobel Prize in Physics in 1903 together with Pierre Curie and Henri Becquerel.'],
    ['Dmitri Mendeleev published the first widely recognised periodic table of the elements in 1869.'],
    ['Antoine Lavoisier named oxygen and hydrogen and helped reform chemical nomenclature in 1787.'],
  ]);
  const ready = await uploadFile(worker.url, owner.token, roomId, pdf, 'curie.pdf');
  await waitForDocument(worker.url, owner.token, ready.body.data!.uploadDocument.id);
  const { generateQuiz: quiz } = await call(
    worker.url,
    GenerateQuizDocument,
    { input: { roomId, questionCount: 2, kinds: ['MULTIPLE_CHOICE'] } },
    owner.token,
  );
  expect((await followQuiz(worker.wsUrl, owner.token, quiz.id)).at(-1)!.status).toBe('READY');

  const { startLiveQuiz: session } = await call(
    api.url,
    StartLiveQuizDocument,
    { quizId: quiz.id },
    owner.token,
  );
  const queued = await uploadFile(
    api.url,
    owner.token,
    roomId,
    await makePdf([['Queued forever.']]),
    'q.pdf',
  );
  const { generateQuiz: generating } = await call(
    api.url,
    GenerateQuizDocument,
    { input: { roomId, questionCount: 1 } },
    owner.token,
  );
  const { startConversation } = await call(
    api.url,
    StartConversationDocument,
    { input: { roomId } },
    owner.token,
  );
  const { askQuestion: streaming } = await call(
    api.url,
    AskQuestionDocument,
    { input: { conversationId: startConversation.id, question: 'Who won in 1903?' } },
    owner.token,
  );
  const { generateFlashcards: deck } = await call(
    api.url,
    GenerateFlashcardsDocument,
    { input: { roomId, count: 2 } },
    owner.token,
  );
  const { generateStudyGuide: guide } = await call(
    api.url,
    GenerateStudyGuideDocument,
    { input: { roomId } },
    owner.token,
  );
  Object.assign(cases, {
    liveQuiz: { query: print(LiveQuizDocument), variables: { sessionId: session.id }, snapshot: true },
    documentProgress: {
      query: print(DocumentProgressDocument),
      variables: { documentId: queued.body.data!.uploadDocument.id },
      snapshot: true,
    },
    quizProgress: {
      query: print(QuizProgressDocument),
      variables: { quizId: generating.id },
      snapshot: true,
    },
    messageStream: {
      query: print(MessageStreamDocument),
      variables: { messageId: streaming.id },
      snapshot: true,
    },
    roomMemberAdded: { query: print(RoomMemberAddedDocument), variables: { roomId }, snapshot: false },
    deckProgress: { query: print(DeckProgressDocument), variables: { deckId: deck.id }, snapshot: true },
    // An empty guide has no text to send yet: counted by the gauge instead.
    studyGuideStream: {
      query: print(StudyGuideStreamDocument),
      variables: { id: guide.id },
      snapshot: false,
    },
  } satisfies Record<string, Case>);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await worker?.close();
  await llm?.close();
});

async function subscriptionGauge(): Promise<number> {
  const text = await (await fetch(`${api.origin}/metrics`)).text();
  return Number(/^graphql_subscriptions (\d+)/m.exec(text)?.[1]);
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `count` subscriptions of one case on one socket, each past its snapshot (or counted by the gauge). */
async function openMany(name: string, count: number, prefix = name): Promise<RawSocket> {
  const { query, variables, snapshot } = cases[name]!;
  const socket = await RawSocket.open(api.wsUrl, { token: owner.token });
  const before = await subscriptionGauge();
  for (let i = 0; i < count; i++) socket.subscribe(`${prefix}-${i}`, query, variables);
  if (snapshot) {
    await waitUntil(
      () => new Set(socket.messages.filter((m) => m.type === 'next').map((m) => m.id)).size === count,
      30_000,
      `${count} ${name} snapshots`,
    );
    const errors = socket.messages.filter(
      (m) => m.type === 'error' || JSON.stringify(m).includes('"errors"'),
    );
    expect(errors).toEqual([]);
  } else {
    await waitUntil(async () => (await subscriptionGauge()) === before + count, 30_000, `${count} ${name}`);
  }
  return socket;
}

describe('subscriptions end when their client does', () => {
  it('has a teardown case for every Subscription field in the schema', () => {
    // A new subscription field fails here until it is added to `cases` (and so tested below).
    expect(Object.keys(cases).sort()).toEqual([...subscriptionFields].sort());
  });

  it.each(
    subscriptionFields,
  )('%s is released at once on `complete` and on socket close, with no event published', async (name) => {
    const baseline = await subscriptionGauge();
    const completed = await openMany(name, 10, `${name}-c`);
    const closed = await openMany(name, 10, `${name}-x`);
    const dropped = await openMany(name, 10, `${name}-t`);
    expect(await subscriptionGauge()).toBe(baseline + 30);

    for (let i = 0; i < 10; i++) completed.complete(`${name}-c-${i}`);
    await waitUntil(
      async () => (await subscriptionGauge()) === baseline + 20,
      2000,
      `${name} after complete`,
    );
    await closed.close();
    await waitUntil(async () => (await subscriptionGauge()) === baseline + 10, 2000, `${name} after close`);
    await dropped.terminate();
    await waitUntil(async () => (await subscriptionGauge()) === baseline, 2000, `${name} after terminate`);
    await completed.close();
  }, 60_000);

  it('releases 1,000 liveQuiz subscriptions and their memory when the sockets close', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    gc();
    const baseline = await subscriptionGauge();
    const heapBefore = process.memoryUsage().heapUsed;
    const sockets: RawSocket[] = [];
    // Ten sockets of 100: the per-socket limit allows 100.
    for (let s = 0; s < 10; s++) sockets.push(await openMany('liveQuiz', 100, `live-${s}`));
    expect(await subscriptionGauge()).toBe(baseline + 1000);
    gc();
    const heapOpen = process.memoryUsage().heapUsed;

    await Promise.all(sockets.map((socket) => socket.close()));
    sockets.length = 0;
    await waitUntil(async () => (await subscriptionGauge()) === baseline, 5000, 'gauge back to its start');
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const held = heapOpen - heapBefore;
    const kept = heapAfter - heapBefore;
    // The 1,000 open subscriptions cost measurable heap; after the close at most a tenth of it remains.
    const report = `heap +${(held / 2 ** 20).toFixed(1)} MiB open, +${(kept / 2 ** 20).toFixed(1)} MiB after close`;
    expect(held, report).toBeGreaterThan(5 * 1024 * 1024);
    expect(kept, report).toBeLessThan(held / 10);
    console.info(report);
    // A thousand listeners on one session's topic is a big game, not a leak.
    process.off('warning', onWarning);
    expect(warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  }, 120_000);
});
