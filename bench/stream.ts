/**
 * `npm run bench:stream`: latency the server adds between a provider's streamed token and a WebSocket
 * subscriber receiving it, with 1, 50 and 200 answers streaming at once.
 *
 * The API runs as a child process (NODE_ENV=production, its own CPU), over a scratch PostgreSQL. This
 * process runs the test-owned OpenAI-compatible provider (fixed timing: TOKENS tokens TOKEN_MS apart) and
 * the graphql-ws subscribers, so the provider's send time (`onToken`) and the subscriber's receipt time are
 * read from the same clock. Every token carries its stream and position ("s12t7 "), so each received
 * token is matched to the moment it was sent even when deltas coalesce. Tokens that arrive inside a
 * subscription's first event (the catch-up snapshot) are not deliveries and are counted apart.
 *
 * Each STREAM_COALESCE_MS setting in --coalesce gets its own API process, one after the other in the same
 * run (0 = every delta its own event, as before issue 18; 16 = the default), so the two are compared side by
 * side. With --burst N the provider writes N tokens back to back per tick, as real providers flush.
 *
 * Flags: --levels 1,50,200  --tokens 20  --token-ms 20  --burst 1  --coalesce 0,16  --selection
 * minimal,contract  --aligned. Prints one JSON object and writes bench/results/stream.json. Loopback only;
 * every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort, startScratchDatabase } from '../src/db/scratch-database.ts';
import { type FakeBehaviour, startFakeOpenAI } from '../test/helpers/fake-openai.ts';
import { gql, signUpAndCreateRoom, upload, waitDone, waitHealthy } from './lib/http.ts';
import { percentile, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,50,200' },
    tokens: { type: 'string', default: '20' },
    'token-ms': { type: 'string', default: '20' },
    burst: { type: 'string', default: '1' },
    coalesce: { type: 'string', default: '0,16' },
    selection: { type: 'string', default: 'minimal,contract' },
    /** Every stream sends its tokens at the same instants (worst case bursts) instead of random phases. */
    aligned: { type: 'boolean', default: false },
    /** Write a V8 CPU profile of the API process into this directory. */
    'cpu-prof': { type: 'string' },
  },
});
const LEVELS = values.levels.split(',').map(Number);
const TOKENS = Number(values.tokens);
const TOKEN_MS = Number(values['token-ms']);
const BURST = Number(values.burst);
const COALESCE = values.coalesce.split(',').map(Number);
// Issue 18's goals: p99 token -> subscriber at 50 and 200 streams, API CPU per delivered token.
const TARGET = { p99_ms_at_50: 20, p99_ms_at_200: 100, cpu_ms_per_token: 0.2 };
// The first token waits until every subscriber of the round is listening (askQuestion starts the answer).
const FIRST_TOKEN_MS = 1500;
const ROUND_TIMEOUT_MS = 60_000;
const MATERIAL = `# Atlantic islands

## Discovery

Madeira was discovered in 1419 by the Portuguese sailors João Gonçalves Zarco and Tristão Vaz Teixeira.
The bench stream questions all ask about this discovery, so retrieval finds this passage.

## Economy

The Madeira wine trade grew during the eighteenth century and reached England and America.
`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[bench:stream] ${line}`);

// What a client per the contract selects (the stored message rides on every event), or just the text.
const SELECTIONS: Record<string, string> = {
  contract:
    'messageStream(messageId: $id) { messageId delta content done reset message { id status content citations { index pageStart pageEnd } } }',
  minimal: 'messageStream(messageId: $id) { delta done reset }',
};
const subscriptions = values.selection.split(',').map((name) => {
  if (!SELECTIONS[name]) throw new Error('--selection takes minimal and/or contract');
  return { name, query: `subscription($id: ID!) { ${SELECTIONS[name]} }` };
});

// Provider: "s<stream>t<i> " tokens, then a citation of source 1 so no repair round is needed.
const sentAt = new Map<string, number>();
let streamCount = 0;
function responder(body: { messages: Array<{ content: string }> }): FakeBehaviour {
  const stream = /bench stream (\d+)/.exec(String(body.messages.at(-1)?.content))?.[1] ?? 'x';
  const tokens = Array.from({ length: TOKENS }, (_, i) => `s${stream}t${i} `);
  // Real streams are not phase-locked: each starts at a random point of the token interval.
  const phase = values.aligned ? 0 : Math.random() * TOKEN_MS;
  return {
    kind: 'stream',
    tokens: [...tokens, '[1].'],
    delayMs: TOKEN_MS,
    burst: BURST,
    firstDelayMs: FIRST_TOKEN_MS + phase,
  };
}
const fake = await startFakeOpenAI({
  responder,
  onToken: ({ token, at }) => {
    const id = /s\d+t\d+/.exec(token)?.[0];
    if (id) sentAt.set(id, at);
  },
});

let server: ChildProcess | undefined;
const scratch = await startScratchDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'studyroom-bench-stream-'));
try {
  const runs = [];
  for (const coalesceMs of COALESCE) {
    log(`STREAM_COALESCE_MS=${coalesceMs}: a fresh API process`);
    const started = await startServer(coalesceMs);
    server = started.server;
    runs.push({ coalesceMs, levels: await runLevels(started.port) });
    await stopServer(server);
  }
  const met = Object.fromEntries(
    runs.map((run) => {
      const at = (n: number) => run.levels.filter((l) => l.concurrency === n);
      const worst = (levels: typeof run.levels, key: 'p99_ms' | 'cpuPerTokenMs') =>
        levels.length ? Math.max(...levels.map((l) => l[key])) : Number.NaN;
      return [
        `coalesce ${run.coalesceMs} ms`,
        {
          p99_at_50: worst(at(50), 'p99_ms') < TARGET.p99_ms_at_50,
          p99_at_200: worst(at(200), 'p99_ms') < TARGET.p99_ms_at_200,
          cpu_per_token: worst([...at(50), ...at(200)], 'cpuPerTokenMs') <= TARGET.cpu_ms_per_token,
        },
      ];
    }),
  );
  const result = {
    benchmark: 'stream',
    date: new Date().toISOString(),
    what: 'provider token written (fake onToken) -> graphql-ws subscriber next() callback, same process clock',
    setup: {
      server: 'child process, NODE_ENV=production, in-process pub/sub, PostgreSQL store, offline embedder',
      provider: 'test/helpers/fake-openai.ts over loopback HTTP, real SSE',
      tokensPerStream: TOKENS,
      tokenIntervalMs: TOKEN_MS,
      tokensPerBurst: BURST,
      phases: values.aligned ? 'aligned (all streams tick together)' : 'random per stream',
      subscriptions: Object.fromEntries(subscriptions.map((s) => [s.name, s.query])),
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      loadavg: loadavg().map((l) => round(l, 2)),
    },
    runs,
    target: { ...TARGET, met },
  };
  const out = join(root, 'bench/results/stream.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  if (server) await stopServer(server);
  await fake.close();
  await scratch.stop();
  await rm(dataDir, { recursive: true, force: true });
}

async function startServer(coalesceMs: number) {
  const port = await freePort();
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const child = spawn(process.execPath, [...profile, 'src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: scratch.url,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'bench',
      CHAT_MODEL: 'fake-model',
      LOG_LEVEL: 'warn',
      STREAM_COALESCE_MS: String(coalesceMs),
    },
  });
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, child);
  return { server: child, port };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(child.kill('SIGKILL')), 5_000);
    child.once('exit', () => resolve(clearTimeout(timer)));
  });
}

/** A room with the material, a warm-up, then every selection at every level, on the server at `port`. */
async function runLevels(port: number) {
  const url = `http://127.0.0.1:${port}/graphql`;
  const { token, roomId } = await signUpAndCreateRoom(url, 'Stream bench');
  const documentId = await upload(url, token, roomId, new TextEncoder().encode(MATERIAL), 'islands.md');
  const document = await waitDone(url, token, documentId, 50, 60_000);
  if (document.status !== 'READY') throw new Error(`bench material failed: ${document.error}`);

  log('warm-up: 5 streams');
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  await runLevel(url, wsUrl, token, roomId, 5, subscriptions[0]!);
  const levels = [];
  for (const selection of subscriptions) {
    for (const concurrency of LEVELS) {
      log(`${selection.name} selection, ${concurrency} concurrent streams`);
      levels.push(await runLevel(url, wsUrl, token, roomId, concurrency, selection));
    }
  }
  return levels;
}

/** One level: `concurrency` conversations ask at once; each answer has its own WebSocket subscriber. */
async function runLevel(
  url: string,
  wsUrl: string,
  token: string,
  roomId: string,
  concurrency: number,
  selection: { name: string; query: string },
) {
  const subscription = selection.query;
  const started = performance.now();
  const serverCpuBefore = await serverCpuMs();
  const benchCpuBefore = process.cpuUsage();
  const conversations = await Promise.all(
    Array.from({ length: concurrency }, () =>
      gql<{ startConversation: { id: string } }>(
        url,
        'mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }',
        { input: { roomId } },
        token,
      ),
    ),
  );
  const latencies: number[] = [];
  let snapshotTokens = 0;
  let unmatched = 0;
  let frames = 0;
  const statuses = new Map<string, number>();
  const streams = conversations.map(async ({ startConversation }) => {
    const stream = String(++streamCount);
    const { askQuestion } = await gql<{ askQuestion: { id: string } }>(
      url,
      'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      {
        input: {
          conversationId: startConversation.id,
          question: `Madeira discovery, bench stream ${stream}`,
        },
      },
      token,
    );
    let connectedAt = Number.POSITIVE_INFINITY;
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
      on: {
        connected: () => {
          connectedAt = performance.now();
        },
      },
    });
    let first = true;
    let status = 'NONE';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream ${stream} timed out`)), ROUND_TIMEOUT_MS);
        client.subscribe(
          { query: subscription, variables: { id: askQuestion.id } },
          {
            next: (value) => {
              const now = performance.now();
              frames++;
              if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
              const event = (
                value.data as {
                  messageStream: { delta: string; done: boolean; message?: { status: string } };
                }
              ).messageStream;
              for (const match of event.delta.matchAll(/s\d+t\d+/g)) {
                const sent = sentAt.get(match[0]);
                if (sent === undefined) unmatched++;
                // Sent before this subscriber was connected: caught up from the snapshot, not delivered.
                else if (first && sent < connectedAt) snapshotTokens++;
                else latencies.push(now - sent);
              }
              first = false;
              if (event.done) status = event.message?.status ?? 'DONE';
            },
            error: reject,
            complete: () => {
              clearTimeout(timer);
              resolve();
            },
          },
        );
      });
    } finally {
      await client.dispose();
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  await Promise.all(streams);
  const serverCpu = Math.round((await serverCpuMs()) - serverCpuBefore);
  return {
    selection: selection.name,
    concurrency,
    tokens: latencies.length,
    p50_ms: round2(percentile(latencies, 50)),
    p90_ms: round2(percentile(latencies, 90)),
    p99_ms: round2(percentile(latencies, 99)),
    max_ms: round2(Math.max(...latencies)),
    tokensInSnapshot: snapshotTokens,
    unmatchedTokens: unmatched,
    finalStatuses: Object.fromEntries(statuses),
    wallMs: Math.round(performance.now() - started),
    // CPU time over the level: the API process, and this process (provider + subscribers).
    serverCpuMs: serverCpu,
    // Everything the API did for the level (conversations, retrieval, the provider call) per token.
    cpuPerTokenMs: round(serverCpu / Math.max(1, latencies.length), 3),
    events: frames,
    benchCpuMs: Math.round(
      (process.cpuUsage(benchCpuBefore).user + process.cpuUsage(benchCpuBefore).system) / 1000,
    ),
  };
}

/** user + system CPU of the API process, from /proc (Linux). */
async function serverCpuMs(): Promise<number> {
  const pid = server?.pid;
  if (!pid) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (12 and 13 after the command), in clock ticks (100/s).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function round2(value: number) {
  return round(value, 2);
}
