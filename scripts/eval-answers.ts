/**
 * `npm run eval:answers [-- --questions bench/data/answers-eval.json] [--corpus ../shared/corpus]
 *  [--ranking meaning|terms]`: answer
 * accuracy of the offline engine through the real API. Starts the server in-process over a scratch
 * PostgreSQL (or DATABASE_URL) with no LLM configured (offline extractive engine, the default embedder), uploads
 * the question set's corpus documents into one room, asks every question in its own conversation and reads
 * the stored answer. Prints one JSON object: the share of answers containing the expected fact, the share
 * citing the page the fact is on (right document, page within the citation's span), mean groundedness, and
 * each question that missed. Progress goes to stderr; writes bench/results/answers-eval.json.
 * `--ranking terms` ranks answer sentences by term overlap only, as before the engine used the embedder
 * (retrieval unchanged), and writes bench/results/answers-eval-terms.json: the before/after of that change.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gql, upload, waitDone } from '../bench/lib/http.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createAnswerEngines } from '../src/conversations/answer-engines.ts';
import { migrateUp, openOrm } from '../src/db/orm.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { createApiServer } from '../src/transport/server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: join(root, 'bench/data/answers-eval.json') },
    corpus: { type: 'string', default: join(root, '../shared/corpus') },
    ranking: { type: 'string', default: 'meaning' },
  },
});
const log = (line: string) => console.error(`[eval:answers] ${line}`);

interface EvalQuestion {
  document: string;
  page: number;
  question: string;
  expect: string[];
  /** The same fact elsewhere in the set (two documents with the same text): citing it there is right too. */
  alsoOn?: Array<{ document: string; page: number }>;
}
interface QuestionSet {
  documents: Record<string, string>;
  questions: EvalQuestion[];
}
interface StoredMessage {
  status: string;
  content: string;
  error: string | null;
  groundedness: number | null;
  metadata: { engine?: string; model?: string } | null;
  citations: Array<{
    index: number;
    quote: string;
    pageStart: number;
    pageEnd: number;
    document: { id: string } | null;
  }>;
}

const MESSAGE = `query($id: ID!) { node(id: $id) { ... on Message {
  status content error groundedness metadata
  citations { index quote pageStart pageEnd document { id } }
} } }`;

interface QuestionResult {
  id: number;
  document: string;
  page: number;
  question: string;
  status: string;
  containsFact: boolean;
  citesPage: boolean;
  quotesFact: boolean;
  groundedness: number | null;
  answer: string;
  cited: Array<{ document: string | null; pages: string }>;
}

const set = JSON.parse(await readFile(values.questions, 'utf8')) as QuestionSet;
const scratch = process.env.DATABASE_URL ? undefined : await startScratchDatabase();
const databaseUrl = process.env.DATABASE_URL ?? scratch!.url;
const dataDir = await mkdtemp(join(tmpdir(), 'studyroom-eval-answers-'));
let close = async () => {};
try {
  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  await migrateUp(orm);
  await orm.close();
  // No OPENAI_* and no WEAVIATE_URL: the offline extractive engine, the local embedder, the PostgreSQL store.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    JOB_QUEUE_SCHEMA: `jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    LOG_LEVEL: 'warn',
  });
  if (values.ranking !== 'meaning' && values.ranking !== 'terms') throw new Error('--ranking meaning|terms');
  // Terms only: the offline engines without an embedder (retrieval still uses the configured one).
  const app = await bootstrap(config, undefined, undefined, {
    answerEngines: (embedder) =>
      createAnswerEngines(config, undefined, values.ranking === 'terms' ? undefined : embedder),
  });
  const api = createApiServer(app.services);
  const port = await api.listen(0, '127.0.0.1');
  close = async () => {
    await api.close(2000);
    await app.shutdown();
  };
  const url = `http://127.0.0.1:${port}/graphql`;

  const { signUp } = await gql<{ signUp: { token: string } }>(
    url,
    'mutation($input: SignUpInput!) { signUp(input: $input) { token } }',
    {
      input: {
        email: `eval-${randomUUID()}@example.test`,
        password: 'evaluation password',
        displayName: 'Eval',
      },
    },
  );
  const token = signUp.token;
  const { createRoom } = await gql<{ createRoom: { id: string } }>(
    url,
    'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    { input: { name: 'Answer evaluation' } },
    token,
  );
  const roomId = createRoom.id;

  const documentIds = new Map<string, string>();
  const ingestStarted = performance.now();
  for (const [key, path] of Object.entries(set.documents)) {
    const bytes = new Uint8Array(await readFile(resolve(values.corpus, path)));
    const id = await upload(url, token, roomId, bytes, basename(path));
    const document = await waitDone(url, token, id, 100, 300_000);
    if (document.status !== 'READY') throw new Error(`${path}: ${document.status} ${document.error}`);
    log(`${path}: READY, ${document.pageCount} pages, ${document.chunkCount} chunks`);
    documentIds.set(key, id);
  }
  const ingestMs = performance.now() - ingestStarted;

  const results: QuestionResult[] = [];
  const answerMs: number[] = [];
  let engineModel: string | undefined;
  for (const [i, q] of set.questions.entries()) {
    const { startConversation } = await gql<{ startConversation: { id: string } }>(
      url,
      'mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }',
      { input: { roomId } },
      token,
    );
    const started = performance.now();
    const { askQuestion } = await gql<{ askQuestion: { id: string } }>(
      url,
      'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { conversationId: startConversation.id, question: q.question } },
      token,
    );
    const message = await waitForAnswer(url, token, askQuestion.id);
    answerMs.push(performance.now() - started);
    engineModel ??= message.metadata?.model;
    const answer = normalise(message.content);
    const containsFact = q.expect.some((fact) => answer.includes(normalise(fact)));
    const places = [{ document: q.document, page: q.page }, ...(q.alsoOn ?? [])];
    const onPage = message.citations.filter((c) =>
      places.some(
        (p) => c.document?.id === documentIds.get(p.document) && c.pageStart <= p.page && p.page <= c.pageEnd,
      ),
    );
    const citesPage = onPage.length > 0;
    // Stricter: a citation on the right page whose verified quote holds the fact itself.
    const quotesFact = onPage.some((c) =>
      q.expect.some((fact) => normalise(c.quote).includes(normalise(fact))),
    );
    results.push({
      id: i + 1,
      document: q.document,
      page: q.page,
      question: q.question,
      status: message.status,
      containsFact,
      citesPage,
      quotesFact,
      groundedness: message.groundedness,
      answer: message.content,
      cited: message.citations.map((c) => ({
        document: [...documentIds].find(([, id]) => id === c.document?.id)?.[0] ?? null,
        pages: c.pageStart === c.pageEnd ? `${c.pageStart}` : `${c.pageStart}-${c.pageEnd}`,
      })),
    });
    log(`${i + 1}/${set.questions.length} fact=${containsFact} page=${citesPage} ${q.question}`);
  }

  const n = results.length;
  const share = (pred: (r: QuestionResult) => boolean) => round(results.filter(pred).length / n);
  const grounded = results.map((r) => r.groundedness).filter((g): g is number => g !== null);
  const byDocument = Object.fromEntries(
    Object.keys(set.documents).map((key) => {
      const rs = results.filter((r) => r.document === key);
      return [
        key,
        {
          questions: rs.length,
          containsFact: round(rs.filter((r) => r.containsFact).length / rs.length),
          citesPage: round(rs.filter((r) => r.citesPage).length / rs.length),
        },
      ];
    }),
  );
  const report = {
    evaluation: 'answers',
    engine: 'offline-extractive',
    ranking: values.ranking,
    engineModel: engineModel ?? null,
    embedder: app.services.embedder.id,
    setup:
      'one room holding every document; PostgreSQL store, the default embedder; one conversation per question',
    questionSet: values.questions.replace(`${root}/`, ''),
    questions: n,
    documents: Object.keys(set.documents).length,
    containsFact: share((r) => r.containsFact),
    citesRightPage: share((r) => r.citesPage),
    quotesFactOnRightPage: share((r) => r.quotesFact),
    bothFactAndPage: share((r) => r.containsFact && r.citesPage),
    meanGroundedness: grounded.length ? round(grounded.reduce((a, b) => a + b, 0) / grounded.length) : null,
    answeredWithoutClaims: results.filter((r) => r.groundedness === null).length,
    failedMessages: results.filter((r) => r.status !== 'COMPLETE').length,
    meanAnswerMs: Math.round(answerMs.reduce((a, b) => a + b, 0) / n),
    ingestMs: Math.round(ingestMs),
    byDocument,
    perQuestion: results.map((r) => ({
      id: r.id,
      containsFact: r.containsFact,
      citesPage: r.citesPage,
      quotesFact: r.quotesFact,
      answer: r.answer,
      cited: r.cited,
    })),
    misses: results
      .filter((r) => !r.containsFact || !r.citesPage)
      .map((r) => ({
        id: r.id,
        document: r.document,
        page: r.page,
        question: r.question,
        containsFact: r.containsFact,
        citesPage: r.citesPage,
        cited: r.cited,
        answer: r.answer.length > 240 ? `${r.answer.slice(0, 240)}…` : r.answer,
      })),
  };
  const out = join(root, `bench/results/answers-eval${values.ranking === 'terms' ? '-terms' : ''}.json`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report));
} finally {
  await close();
  await scratch?.stop();
  await rm(dataDir, { recursive: true, force: true });
}

function round(value: number) {
  return Math.round(value * 1000) / 1000;
}

function normalise(text: string) {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

async function waitForAnswer(url: string, token: string, id: string): Promise<StoredMessage> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { node } = await gql<{ node: StoredMessage }>(url, MESSAGE, { id }, token);
    if (node.status !== 'STREAMING') return node;
    if (Date.now() > deadline) throw new Error(`answer ${id} still streaming after 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
