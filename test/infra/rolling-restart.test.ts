import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { freePort } from '../../src/db/scratch-database.ts';
import {
  GenerateQuizDocument,
  JoinLiveQuizDocument,
  LiveQuizDocument,
  type LiveQuizSubscription,
  MeDocument,
  NextLiveQuestionDocument,
  RoomDocument,
  StartLiveQuizDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type Nginx, nginxAvailable, startNginx, trustCertificate } from '../helpers/nginx.ts';
import {
  type ApiProcess,
  startApiProcess,
  startWorkerProcess,
  type WorkerProcess,
} from '../helpers/process.ts';
import { followQuiz } from '../helpers/quizzes.ts';
import { redisAvailable, startRedis } from '../helpers/redis.ts';

/**
 * The zero-downtime proof of docs/deploy.md §5: infra/host/rolling-restart.sh's procedure (SIGTERM one
 * instance, start it again on its port, wait for /readyz, settle, next instance) run against two API
 * instances behind the repository's nginx config, while clients keep querying and a subscription streams.
 */
const available = nginxAvailable() && redisAvailable();
/** Seconds between instances: SETTLE, else rolling-restart.sh's default (time for the restarted instance to take over). */
const SETTLE_MS =
  Number(
    process.env.SETTLE ??
      /settle=\$\{SETTLE:-(\d+)\}/.exec(readFileSync('infra/host/rolling-restart.sh', 'utf8'))![1],
  ) * 1000;
const QUERY_LOOPS = 3;
const MAX_QUERIES = 20_000; // bound on the query loop, far above what the restarts take

let redis: Awaited<ReturnType<typeof startRedis>>;
let env: Record<string, string>;
let ports: number[] = [];
let apis: ApiProcess[] = [];
let worker: WorkerProcess;
let nginx: Nginx;
let host: Actor;
let player: Actor;
let roomId: string;
let sessionId: string;

const PAGES = [
  ['The Amazon River discharges more water than any other river, about 209,000 cubic metres per second.'],
  ['The Nile flows north through eleven countries and empties into the Mediterranean Sea.'],
  [
    'Lake Baikal in Siberia holds roughly twenty percent of the unfrozen fresh water on the surface of the Earth.',
  ],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitReady(origin: string, timeoutMs = 90_000) {
  const started = Date.now();
  for (;;) {
    const status = await fetch(`${origin}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${origin} not ready after ${timeoutMs} ms`);
    await sleep(200);
  }
}

describe.runIf(available)('rolling restart of two API instances behind nginx', () => {
  beforeAll(async () => {
    redis = await startRedis();
    ports = [await freePort(), await freePort()];
    env = {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: redis.url,
      JOB_QUEUE_SCHEMA: `jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
      JWT_SECRET: randomUUID() + randomUUID(),
    };
    // The production topology: api@PORT1, api@PORT2 (ROLE=api) and one worker.
    [worker, ...apis] = await Promise.all([
      startWorkerProcess(env),
      ...ports.map((port) => startApiProcess({ ...env, ROLE: 'api', PORT: String(port) })),
    ]);
    // The query loops send as fast as the servers answer (over 1,000 requests/s on a quiet machine): the
    // per-address rate limit is not what this test is about, so it is set far above that.
    nginx = await startNginx(ports, { rate: '100000r/s' });
    trustCertificate(nginx.certificate);

    host = await createUser(nginx.url, 'Host');
    player = await createUser(nginx.url, 'Player');
    roomId = (await createRoom(nginx.url, host, 'Rivers')).id;
    const upload = await uploadFile(nginx.url, host.token, roomId, await makePdf(PAGES), 'rivers.pdf');
    await waitForDocument(nginx.url, host.token, upload.body.data!.uploadDocument.id);
    const { generateQuiz } = await call(
      nginx.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 2, kinds: ['MULTIPLE_CHOICE'] } },
      host.token,
    );
    expect((await followQuiz(nginx.wsUrl, host.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
    const { startLiveQuiz } = await call(
      nginx.url,
      StartLiveQuizDocument,
      { quizId: generateQuiz.id, questionSeconds: 600 },
      host.token,
    );
    sessionId = startLiveQuiz.id;
    await call(nginx.url, JoinLiveQuizDocument, { joinCode: startLiveQuiz.joinCode }, player.token);
  }, 180_000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([...apis.map((api) => api.stop()), worker?.stop()]);
    await redis?.stop();
  });

  it('serves every query and keeps the subscription going while each instance restarts in turn', async () => {
    // The subscriber: a player's screen on liveQuiz over wss through nginx, reconnecting on close.
    const events: LiveQuizSubscription['liveQuiz'][] = [];
    const closeCodes: number[] = [];
    let connections = 0;
    let disposing = false;
    const subscriptionErrors: unknown[] = [];
    const client: Client = createClient({
      url: nginx.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 20,
      retryWait: async () => void (await sleep(200)),
      connectionParams: { authorization: `Bearer ${player.token}` },
      on: {
        connected: () => void connections++,
        closed: (event) => {
          if (!disposing) closeCodes.push((event as { code: number }).code);
        },
      },
    });
    const subscriptionDone = new Promise<void>((resolve) =>
      client.subscribe(
        { query: print(LiveQuizDocument), variables: { sessionId } },
        {
          next: (value) => {
            if (value.errors) subscriptionErrors.push(value.errors);
            else events.push((value.data as LiveQuizSubscription).liveQuiz);
          },
          error: (error) => {
            subscriptionErrors.push(error);
            resolve();
          },
          complete: resolve,
        },
      ),
    );
    async function waitForEvent(predicate: (event: LiveQuizSubscription['liveQuiz']) => boolean) {
      const started = Date.now();
      while (!events.some(predicate)) {
        if (Date.now() - started > 30_000)
          throw new Error(`no such liveQuiz event: ${JSON.stringify(events.map((e) => [e.seq, e.state]))}`);
        await sleep(20);
      }
    }
    await waitForEvent((event) => event.state === 'LOBBY');

    // The query clients: QUERY_LOOPS loops of POST /graphql, each request checked for 200 and no errors.
    let running = true;
    let sent = 0;
    let ok = 0;
    const failures: string[] = [];
    const loops = Array.from({ length: QUERY_LOOPS }, async (_, loop) => {
      while (running && sent < MAX_QUERIES) {
        sent++;
        const document = loop % 2 === 0 ? MeDocument : RoomDocument;
        const variables = loop % 2 === 0 ? {} : { id: roomId };
        try {
          const response = await fetch(nginx.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
            body: JSON.stringify({ query: print(document), variables }),
          });
          const text = await response.text();
          const body = response.headers.get('content-type')?.includes('json')
            ? (JSON.parse(text) as { data?: unknown; errors?: unknown })
            : undefined;
          if (response.status === 200 && body?.data && !body.errors) ok++;
          else failures.push(`${response.status} ${text.slice(0, 200)}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    });

    const timeline: { port: number; exitCode: number | null; downMs: number; states: string[] }[] = [];
    let advanced = 0;
    try {
      for (const [index, port] of ports.entries()) {
        const t0 = Date.now();
        const exitCode = await apis[index]!.stop('SIGTERM');
        // While this instance is down the host moves the quiz on (through nginx, so on the other instance):
        // a subscriber that was on the stopped instance misses the event live and gets it on resubscribe.
        const next = await request(nginx.url, NextLiveQuestionDocument, { sessionId }, host.token);
        if (next.errors || !next.data) failures.push(`nextLiveQuestion: ${JSON.stringify(next.errors)}`);
        advanced++;
        apis[index] = await startApiProcess({ ...env, ROLE: 'api', PORT: String(port) });
        await waitReady(apis[index]!.origin);
        const downMs = Date.now() - t0;
        await waitForEvent((event) => event.state === stateAfter(advanced));
        timeline.push({ port, exitCode, downMs, states: dedupe(events.map((event) => event.state)) });
        await sleep(SETTLE_MS);
      }
    } finally {
      running = false;
      await Promise.all(loops);
      disposing = true;
      await client.dispose();
      await subscriptionDone;
    }

    const retried = nginx
      .accessLog()
      .map((line) => JSON.parse(line) as { uri: string; upstream: string; upstream_status: string })
      .filter((entry) => entry.uri === '/graphql' && entry.upstream.includes(','));
    const report = {
      queries: sent,
      ok,
      failed: failures.length,
      failures: failures.slice(0, 5),
      retriedByNginx: retried.length,
      retriedSamples: retried.slice(0, 3).map((entry) => `${entry.upstream} → ${entry.upstream_status}`),
      subscription: { connections, reconnects: connections - 1, closeCodes, events: events.length },
      timeline,
    };
    console.log(`rolling restart: ${JSON.stringify(report)}`);

    expect(timeline.map((step) => step.exitCode)).toEqual([0, 0]); // graceful SIGTERM
    expect(failures).toEqual([]);
    expect(ok).toBe(sent);
    expect(sent).toBeGreaterThan(50);
    expect(subscriptionErrors).toEqual([]);
    // The subscriber sat on one of the two instances, so at least one restart closed its socket (1001,
    // going away) and it reconnected through nginx, resubscribed and received the state it had missed.
    expect(closeCodes.length).toBeGreaterThanOrEqual(1);
    expect(closeCodes.every((code) => code === 1001)).toBe(true);
    expect(connections).toBe(closeCodes.length + 1);
    expect(dedupe(events.map((event) => event.state))).toEqual(['LOBBY', 'QUESTION', 'REVEAL']);
    const seqs = events.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  }, 180_000);
});

/** LOBBY, then each nextLiveQuestion: QUESTION, REVEAL, QUESTION, … */
function stateAfter(advances: number) {
  return advances === 0 ? 'LOBBY' : advances % 2 === 1 ? 'QUESTION' : 'REVEAL';
}

function dedupe(states: string[]) {
  return states.filter((state, i) => state !== states[i - 1]);
}
