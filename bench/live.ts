/**
 * `npm run bench:live`: 1,000 WebSocket subscribers on one live quiz session. For every question, the
 * time from the host's `nextLiveQuestion` call to each subscriber's receipt of the QUESTION event (and of
 * the REVEAL after it); the figure that matters is the last receipt per question. Two layouts:
 *
 *   single  one API process, in-process pub/sub, every subscriber on it
 *   split   two API processes sharing PostgreSQL and a Redis (REDIS_URL), subscribers split evenly;
 *           the host calls the first one, so half the subscribers hear the event through Redis
 *
 * The APIs are child processes (NODE_ENV=production) over a scratch PostgreSQL; the subscribers are a
 * further child process (bench/lib/live-clients.ts, raw graphql-transport-ws) that also makes the
 * host's call, so the call and the receipts share a clock. Users and participants are inserted with SQL
 * (one precomputed scrypt hash, tokens signed with the APIs' JWT_SECRET): signing up 1,000 users through
 * the API would measure scrypt. Memory per connection is the APIs' VmRSS after subscribing minus before,
 * over the count. Then a microbenchmark of the fan-out itself: executing the subscription's selection and
 * serialising it per subscriber (what graphql-ws does) against once per event plus each viewer's `me`.
 *
 * Flags: --subscribers 1000 --questions 6 --layouts single,split. Prints JSON, writes bench/results/live.json.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execute, print } from 'graphql';
import pg from 'pg';
import { schema } from '../schema/index.ts';
import { hashPassword } from '../src/auth/password.ts';
import { createTokenService } from '../src/auth/tokens.ts';
import { migrateUp, openOrm } from '../src/db/orm.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import type { LiveQuizEvent, Standing } from '../src/events.ts';
import { LiveQuizDocument } from '../test/generated/operations.ts';
import { type ApiProcess, startApiProcess } from '../test/helpers/process.ts';
import { redisAvailable, startRedis } from '../test/helpers/redis.ts';
import { gql, signUpAndCreateRoom, upload, waitDone } from './lib/http.ts';
import { percentile, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    questions: { type: 'string', default: '6' },
    layouts: { type: 'string', default: 'single,split' },
  },
});
const SUBSCRIBERS = Math.min(Number(values.subscribers), 5000);
const QUESTIONS = Math.min(Number(values.questions), 20);
const LAYOUTS = values.layouts.split(',');
const STEP_TIMEOUT_MS = 30_000;
const TARGET_P99_MS = 250;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[bench:live] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUERY = print(LiveQuizDocument);

const MATERIAL = `# Rivers and lakes

The Amazon River discharges more water than any other river, about 209,000 cubic metres per second.
The Nile flows north through eleven countries and empties into the Mediterranean Sea.
Lake Baikal in Siberia holds about twenty percent of the unfrozen fresh water on the surface of the Earth.
The Danube passes through four capital cities: Vienna, Bratislava, Budapest and Belgrade.
The Mississippi River drains all or part of thirty-two American states and two Canadian provinces.
Lake Titicaca, on the border of Peru and Bolivia, is the highest navigable lake in the world.
The Yangtze is the longest river in Asia and powers the Three Gorges Dam in Hubei province.
The Ganges is sacred in Hinduism and flows from the Gangotri Glacier to the Bay of Bengal.
`;

function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
}

/** utime + stime of a process in ms (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** V8 heap in use, from the API's Prometheus metrics (prom-client default metrics). */
async function heapUsedMiB(api: ApiProcess): Promise<number> {
  const text = await (await fetch(`${api.origin}/metrics`)).text();
  return round(Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1]) / 2 ** 20);
}

const decodeId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** The subscriber process and a typed request/response over its IPC channel. */
function startClients() {
  const child: ChildProcess = fork(join(root, 'bench/lib/live-clients.ts'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: Array<(message: { type: string } & Record<string, unknown>) => void> = [];
  child.on('message', (message: { type: string }) => replies.shift()?.(message));
  const ask = <T>(command: unknown, timeoutMs = 120_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('subscriber process did not answer')), timeoutMs);
      replies.push((message) => {
        clearTimeout(timer);
        if (message.type === 'error') reject(new Error(`subscriber process: ${message.message}`));
        else resolve(message as T);
      });
      if (command) child.send(command as never);
    });
  return { child, ask };
}

interface StepResult {
  mutationMs: number;
  receipts: number[];
  missing: number;
  bytes: number;
}

const scratch = await startScratchDatabase();
const redis = LAYOUTS.includes('split') && redisAvailable() ? await startRedis() : null;
const jwtSecret = randomBytes(32).toString('hex');
const db = new pg.Client({ connectionString: scratch.url });
const running: ApiProcess[] = [];
try {
  const orm = await openOrm(scratch.url);
  await migrateUp(orm);
  await orm.close();
  await db.connect();

  log(`inserting ${SUBSCRIBERS} users (one scrypt hash, tokens signed with the APIs' secret)`);
  const tokens = createTokenService(jwtSecret);
  const users = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    id: randomUUID(),
    email: `live-bench-${i}-${randomUUID().slice(0, 8)}@example.test`,
    name: `Player ${i + 1}`,
  }));
  await db.query(
    `insert into app_user (id, created_at, updated_at, email, display_name, password_hash)
     select u.id, now(), now(), u.email, u.name, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as u(id, email, name)`,
    [
      users.map((u) => u.id),
      users.map((u) => u.email),
      users.map((u) => u.name),
      await hashPassword('bench'),
    ],
  );
  const userTokens = await Promise.all(users.map((user) => tokens.issue({ userId: user.id, version: 0 })));

  let quiz: { hostToken: string; quizId: string } | null = null;
  const layouts = [];
  for (const layout of LAYOUTS) {
    if (layout === 'split' && !redis) {
      log('split layout skipped: no redis-server');
      continue;
    }
    const env = {
      DATABASE_URL: scratch.url,
      JWT_SECRET: jwtSecret,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...(layout === 'split' ? { REDIS_URL: redis!.url } : {}),
    };
    log(`${layout}: starting ${layout === 'split' ? 'two API processes' : 'one API process'}`);
    const apis =
      layout === 'split'
        ? await Promise.all([startApiProcess(env), startApiProcess({ ...env, ROLE: 'api' })])
        : [await startApiProcess(env)];
    running.push(...apis);
    const hostApi = apis[0]!;
    quiz ??= await prepareQuiz(hostApi.url);
    layouts.push(await runLayout(layout, apis, quiz, users, userTokens));
    await Promise.all(apis.map((api) => api.stop()));
    running.length = 0;
  }

  const fanout = await fanoutMicrobench();
  const result = {
    benchmark: 'live',
    what: 'nextLiveQuestion call -> each WebSocket subscriber receives the QUESTION event (and the REVEAL after it)',
    setup: {
      subscribers: SUBSCRIBERS,
      questions: QUESTIONS,
      selection: 'test/operations/live.graphql LiveQuiz (every field, incl. me)',
      servers: 'child processes, NODE_ENV=production, scratch embedded PostgreSQL; split: Redis pub/sub',
      clients: 'one child process, raw ws graphql-transport-ws, also makes the host call (one clock)',
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
    },
    layouts,
    fanout,
    target: {
      p99_last_receipt_ms_below: TARGET_P99_MS,
      met: Object.fromEntries(
        layouts.map((l) => [l.layout, l.question.lastReceipt.p99_ms < TARGET_P99_MS && l.missing === 0]),
      ),
    },
  };
  const out = join(root, 'bench/results/live.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await Promise.all(running.map((api) => api.stop()));
  await db.end().catch(() => undefined);
  await redis?.stop();
  await scratch.stop();
}

/** A host, a room, a document and a READY quiz of QUESTIONS questions, through the API. */
async function prepareQuiz(url: string) {
  const { token, roomId } = await signUpAndCreateRoom(url, 'Live bench');
  const documentId = await upload(url, token, roomId, new TextEncoder().encode(MATERIAL), 'rivers.md');
  const document = await waitDone(url, token, documentId, 50, 60_000);
  if (document.status !== 'READY') throw new Error(`bench material failed: ${document.error}`);
  const { generateQuiz } = await gql<{ generateQuiz: { id: string } }>(
    url,
    'mutation($input: GenerateQuizInput!) { generateQuiz(input: $input) { id } }',
    { input: { roomId, questionCount: QUESTIONS, kinds: ['MULTIPLE_CHOICE'] } },
    token,
  );
  const started = performance.now();
  for (;;) {
    const { node } = await gql<{ node: { status: string; error: string | null } }>(
      url,
      'query($id: ID!) { node(id: $id) { ... on Quiz { status error } } }',
      { id: generateQuiz.id },
      token,
    );
    if (node.status === 'READY') break;
    if (node.status === 'FAILED' || performance.now() - started > 60_000)
      throw new Error(`quiz not ready: ${node.status} ${node.error}`);
    await sleep(100);
  }
  return { hostToken: token, quizId: generateQuiz.id };
}

async function runLayout(
  layout: string,
  apis: ApiProcess[],
  quiz: { hostToken: string; quizId: string },
  users: Array<{ id: string; name: string }>,
  userTokens: string[],
) {
  const hostApi = apis[0]!;
  const { startLiveQuiz: session } = await gql<{ startLiveQuiz: { id: string } }>(
    hostApi.url,
    'mutation($quizId: ID!) { startLiveQuiz(quizId: $quizId, questionSeconds: 600) { id } }',
    { quizId: quiz.quizId },
    quiz.hostToken,
  );
  await db.query(
    `insert into live_participant (id, created_at, updated_at, session_id, user_id, display_name, score)
     select gen_random_uuid(), now(), now(), $1, u.id, u.name, 0 from unnest($2::uuid[], $3::text[]) as u(id, name)`,
    [decodeId(session.id), users.map((u) => u.id), users.map((u) => u.name)],
  );

  const clients = startClients();
  await clients.ask(null);
  await sleep(500);
  const rssBefore = apis.map((api) => rssKiB(api.child.pid!));
  const heapBefore = await Promise.all(apis.map(heapUsedMiB));
  log(`${layout}: connecting ${users.length} subscribers`);
  const connected = await clients.ask<{ count: number; failed: number; errors: string[]; ms: number }>({
    cmd: 'connect',
    targets: userTokens.map((token, i) => ({ wsUrl: apis[i % apis.length]!.wsUrl, token })),
    query: QUERY,
    variables: { sessionId: session.id },
    concurrency: 50,
  });
  if (connected.failed)
    log(`${layout}: ${connected.failed} subscribers failed: ${connected.errors.join('; ')}`);
  await sleep(1000);
  const rssAfter = apis.map((api) => rssKiB(api.child.pid!));
  // Connecting builds a snapshot per subscriber; give the collector time to return that garbage.
  await sleep(5000);
  const rssSettled = apis.map((api) => rssKiB(api.child.pid!));
  const heapSettled = await Promise.all(apis.map(heapUsedMiB));

  const steps: Record<'QUESTION' | 'REVEAL', Array<StepResult & { serverCpuMs: number }>> = {
    QUESTION: [],
    REVEAL: [],
  };
  for (let questionIndex = 0; questionIndex < QUESTIONS; questionIndex++) {
    for (const state of ['QUESTION', 'REVEAL'] as const) {
      const cpuBefore = apis.map((api) => cpuMs(api.child.pid!));
      const step = await clients.ask<StepResult>(
        {
          cmd: 'step',
          httpUrl: hostApi.url,
          hostToken: quiz.hostToken,
          sessionId: session.id,
          state,
          questionIndex,
          timeoutMs: STEP_TIMEOUT_MS,
        },
        STEP_TIMEOUT_MS + 10_000,
      );
      const serverCpuMs = apis.reduce((sum, api, i) => sum + cpuMs(api.child.pid!) - cpuBefore[i]!, 0);
      steps[state].push({ ...step, serverCpuMs });
      log(
        `${layout}: q${questionIndex + 1} ${state}: last receipt ${round(Math.max(...step.receipts))} ms, ` +
          `call ${round(step.mutationMs)} ms, missing ${step.missing}, server CPU ${serverCpuMs} ms`,
      );
      await sleep(300);
    }
  }
  await gql(
    hostApi.url,
    'mutation($id: ID!) { nextLiveQuestion(sessionId: $id) { state } }',
    { id: session.id },
    quiz.hostToken,
  );
  const exited = new Promise((resolve) => clients.child.once('exit', resolve));
  clients.child.send({ cmd: 'close' });
  await exited;

  const summarise = (list: Array<StepResult & { serverCpuMs: number }>) => {
    const last = list.map((step) => Math.max(...step.receipts));
    const all = list.flatMap((step) => step.receipts);
    return {
      lastReceipt: {
        samples: last.map((ms) => round(ms)),
        p50_ms: round(percentile(last, 50)),
        p99_ms: round(percentile(last, 99)),
      },
      everyReceipt: { p50_ms: round(percentile(all, 50)), p99_ms: round(percentile(all, 99)) },
      call_p50_ms: round(
        percentile(
          list.map((step) => step.mutationMs),
          50,
        ),
      ),
      serverCpuMs_p50: percentile(
        list.map((step) => step.serverCpuMs),
        50,
      ),
      eventBytes: list[0]?.bytes,
    };
  };
  const rssDelta = rssSettled.reduce((sum, kib, i) => sum + kib - rssBefore[i]!, 0);
  return {
    layout,
    instances: apis.length,
    subscribers: connected.count,
    connectSeconds: round(connected.ms / 1000, 2),
    missing: [...steps.QUESTION, ...steps.REVEAL].reduce((sum, step) => sum + step.missing, 0),
    question: summarise(steps.QUESTION),
    reveal: summarise(steps.REVEAL),
    memory: {
      rssBeforeMiB: rssBefore.map((kib) => round(kib / 1024)),
      rssAfterConnectMiB: rssAfter.map((kib) => round(kib / 1024)),
      rssSettledMiB: rssSettled.map((kib) => round(kib / 1024)),
      perConnectionKiB: round(rssDelta / Math.max(connected.count, 1)),
      heapUsedBeforeMiB: heapBefore,
      heapUsedSettledMiB: heapSettled,
      heapPerConnectionKiB: round(
        ((heapSettled.reduce((a, b) => a + b, 0) - heapBefore.reduce((a, b) => a + b, 0)) * 1024) /
          Math.max(connected.count, 1),
      ),
    },
  };
}

/**
 * What the server does per subscriber for every event: graphql-js executes the selection against the
 * published event (graphql-ws calls `execute` per subscription) and JSON-serialises the result per
 * socket. The alternative: execute and serialise the shared part once per event, and splice in each
 * viewer's `me` (the one per-viewer field) as a small string.
 */
async function fanoutMicrobench() {
  const count = SUBSCRIBERS;
  const ids = Array.from({ length: count }, () => randomUUID());
  const standings: Record<string, Standing> = {};
  ids.forEach((id, i) => {
    standings[id] = {
      participantId: randomUUID(),
      userId: id,
      displayName: `Player ${i + 1}`,
      score: 0,
      rank: 1,
    };
  });
  const event: LiveQuizEvent = {
    sessionId: randomUUID(),
    seq: 3,
    state: 'QUESTION',
    joinCode: 'ABC234',
    questionIndex: 1,
    questionCount: 6,
    deadline: new Date(Date.now() + 20_000).toISOString(),
    question: {
      id: randomUUID(),
      kind: 'MULTIPLE_CHOICE',
      prompt:
        'Which option completes the statement? _____ in Siberia holds about twenty percent of the fresh water.',
      options: ['Lake Baikal', 'Nile', 'Amazon River', 'Danube'],
    },
    reveal: null,
    answeredCount: 0,
    participantCount: count,
    lobby: Object.values(standings)
      .slice(0, 100)
      .map((s) => s.displayName),
    leaderboard: Object.values(standings).slice(0, 10),
    standings,
  };
  const sessionId = Buffer.from(`LiveQuizSession:${event.sessionId}`).toString('base64');
  const run = (viewerId: string | null) =>
    execute({
      schema,
      document: LiveQuizDocument,
      rootValue: event,
      contextValue: { viewer: viewerId ? { id: viewerId } : null },
      variableValues: { sessionId },
    }) as { data?: unknown; errors?: unknown[] };
  const probe = run(ids[0]!);
  if (probe.errors) throw new Error(`fan-out microbench: ${JSON.stringify(probe.errors)}`);

  const perSubscriber = () => {
    let bytes = 0;
    for (const id of ids) bytes += JSON.stringify({ id: '1', type: 'next', payload: run(id) }).length;
    return bytes;
  };
  // What a server-side memo of the execution would give: execute once, copy in each viewer's `me`, and
  // let graphql-ws stringify per socket as it does today.
  const executeOnce = () => {
    const shared = run(null) as { data: { liveQuiz: Record<string, unknown> } };
    let bytes = 0;
    for (const id of ids) {
      const standing = event.standings[id];
      const me = standing
        ? { displayName: standing.displayName, score: standing.score, rank: standing.rank }
        : null;
      const payload = { data: { liveQuiz: { ...shared.data.liveQuiz, me } } };
      bytes += JSON.stringify({ id: '1', type: 'next', payload }).length;
    }
    return bytes;
  };
  const oncePerEvent = () => {
    const shared = JSON.stringify({ id: '1', type: 'next', payload: run(null) });
    const [head, tail] = shared.split('"me":null');
    let bytes = 0;
    for (const id of ids) {
      const standing = event.standings[id];
      const me = standing
        ? JSON.stringify({ displayName: standing.displayName, score: standing.score, rank: standing.rank })
        : 'null';
      bytes += `${head}"me":${me}${tail}`.length;
    }
    return bytes;
  };
  const time = (fn: () => number) => {
    for (let i = 0; i < 3; i++) fn();
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    return round(percentile(samples, 50), 2);
  };
  const perSubscriberMs = time(perSubscriber);
  const executeOnceMs = time(executeOnce);
  const oncePerEventMs = time(oncePerEvent);
  return {
    what: `CPU ms to produce the ${count} WebSocket frames of one event (median of 10, this process)`,
    executeAndStringifyPerSubscriber_ms: perSubscriberMs,
    executeOnceStringifyPerSubscriber_ms: executeOnceMs,
    executeAndStringifyOnceSpliceMe_ms: oncePerEventMs,
    frameBytes: JSON.stringify({ id: '1', type: 'next', payload: probe }).length,
    publishedEventBytes: JSON.stringify(event).length,
  };
}
