/**
 * `npm run bench:api`: the dashboard query under load, beside a peer and the floor, written to
 * bench/results/api.json.
 *
 * 1. A scratch PostgreSQL, migrated and seeded (bench/seed.ts: 50 rooms × 20 documents × 30 chunks,
 *    quizzes, 3–5 members per room, one viewer in every room).
 * 2. Three servers of the same data, each its own process: the API (`node src/main.ts`, NODE_ENV=production,
 *    default config), the peer (bench/peer/postgraphile-server.ts: PostGraphile 5 over the same database,
 *    with SQL functions for the viewer's rooms and the API's access rules) and the floor
 *    (bench/floor-server.ts: hand-written SQL, plain node:http). The three answers are checked deep-equal
 *    once (the peer's mapped onto the API's shape, bench/peer/dashboard.ts).
 * 3. Load from a second process (bench/lib/load.ts, autocannon) at 1, 50 and 100 connections, the three
 *    back to back at each level: req/s, p50/p99, errors (a body different from the checked one is an
 *    error), server CPU per request, and the ratios to the floor and to the peer.
 * 4. The round-trip budget: 100 connections offered half the API's saturated rate (open loop), p99 of each.
 * 5. SQL statements per request (`extensions.sqlStatements`, NODE_ENV=development) for `rooms(first: 5)`
 *    and `rooms(first: 50)`, with DataLoader batching on and off.
 * 6. A CPU profile of the API under load (a separate process, so profiling never slows the measured run),
 *    summarised by self time per function and package. BENCH_PROFILE=0 skips it.
 *
 * BENCH_SECONDS (default 10) and BENCH_MAX_REQUESTS (default 100000) bound each load run. BENCH_API_BASELINE
 * names another checkout (e.g. `git worktree add /tmp/before <commit>`, node_modules linked): its API joins
 * the levels as `api_baseline`, for before/after figures from one run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import { migrateUp, openOrm } from '../src/db/orm.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';
import { type ApiProcess, startApiProcess } from '../test/helpers/process.ts';
import type { LoadResult } from './lib/load.ts';
import { machine, processCpuMs } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import { PEER_DASHBOARD, peerAsDashboard } from './peer/dashboard.ts';
import { summarizeProfile } from './profile-summary.ts';
import { DEFAULT_SEED, seedDatabase } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 100_000);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,50,100').split(',').map(Number);
const PROFILE = process.env.BENCH_PROFILE !== '0';
/** Optional: a checkout of an earlier commit (with node_modules) whose API is measured beside this one. */
const BASELINE = process.env.BENCH_API_BASELINE;
const JWT_SECRET = 'bench-api-secret-0123456789-abcdefghijklmnop';
const RESULTS = resolve('bench/results');
const log = (message: string) => process.stderr.write(`[bench:api] ${message}\n`);

export const DASHBOARD = `query Dashboard($first: Int) {
  rooms(first: $first) {
    edges {
      node {
        name
        viewerRole
        members { edges { node { user { displayName } } } }
        documents(first: 20) { edges { node { title status pageCount chunkCount } } }
        quizzes(first: 10) { edges { node { title status } } }
      }
    }
  }
}`;

const requestBody = (first: number) => JSON.stringify({ query: DASHBOARD, variables: { first } });
const peerBody = (first: number) => JSON.stringify({ query: PEER_DASHBOARD, variables: { first } });

async function post(url: string, token: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** The floor or the peer as a child process; resolves once it prints its URL. */
async function startServer(
  script: string,
  databaseUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET, GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).url));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url };
}

function runLoad(spec: {
  url: string;
  token: string;
  connections: number;
  seconds: number;
  expectBody?: string;
  /** The request body; unset: the API's dashboard. */
  body?: string;
  /** Offered req/s over all connections (open loop); unset: as fast as each connection can. */
  rate?: number;
}): Promise<LoadResult> {
  const args = JSON.stringify({
    url: spec.url,
    body: spec.body ?? requestBody(20),
    rate: spec.rate,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
    connections: spec.connections,
    seconds: spec.seconds,
    maxRequests: MAX_REQUESTS,
    expectBody: spec.expectBody,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/lib/load.ts', args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    // A hard stop well past the load's own bound, so a wedged server cannot hang the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), (spec.seconds + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`load generator exited with ${code}`));
    });
  });
}

/** One load run with the server's CPU time over it, so per-request cost is visible beside latency. */
async function measured(pid: number, spec: Parameters<typeof runLoad>[0]) {
  const cpuBefore = processCpuMs(pid);
  const result = await runLoad(spec);
  const cpuAfter = processCpuMs(pid);
  const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return {
    ...result,
    server_cpu_ms_per_request: cpuMs !== null && result.requests ? round(cpuMs / result.requests, 3) : null,
  };
}

function apiEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    NODE_ENV: 'production',
    // Keep Node's own flags (the runner's) out of the server: it gets exactly the flags we choose.
    NODE_OPTIONS: '',
    ...extra,
  };
}

async function sqlStatements(databaseUrl: string, token: string, batching: 'on' | 'off') {
  const api = await startApiProcess(
    apiEnv(databaseUrl, { NODE_ENV: 'development', DATALOADER_BATCHING: batching, LOG_LEVEL: 'info' }),
  );
  try {
    const counts: Record<string, number> = {};
    for (const first of [5, 50]) {
      const { json } = await post(api.url, token, requestBody(first));
      const extensions = json.extensions as { sqlStatements?: number } | undefined;
      if (json.errors) throw new Error(`dashboard failed: ${JSON.stringify(json.errors)}`);
      counts[`rooms_${first}`] = extensions?.sqlStatements ?? Number.NaN;
    }
    return counts;
  } finally {
    await api.stop();
  }
}

async function profileUnderLoad(databaseUrl: string, token: string, expectBody: string) {
  const dir = join(RESULTS, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const api = await startApiProcess(
    apiEnv(databaseUrl, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` }),
  );
  const load = await runLoad({ url: api.url, token, connections: 50, seconds: SECONDS, expectBody });
  await api.stop(); // the profile is written as the process exits
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return { error: 'no .cpuprofile written' };
  return {
    file: join('bench/results/profiles', file),
    connections: 50,
    rps_while_profiled: load.rps,
    ...summarizeProfile(join(dir, file), 25),
  };
}

async function main() {
  const started = performance.now();
  const machineAtStart = machine();
  log(`machine: ${JSON.stringify(machineAtStart)}`);
  const db = await startScratchDatabase();
  const children: Array<ApiProcess | { child: ChildProcess }> = [];
  try {
    const orm = await openOrm(db.url, { poolMax: 2 });
    await migrateUp(orm);
    await orm.close();
    const seeded = await seedDatabase(db.url, JWT_SECRET, DEFAULT_SEED);
    log(`seeded in ${seeded.ms} ms: ${JSON.stringify(seeded.counts)}`);
    const { token } = seeded;

    const api = await startApiProcess(apiEnv(db.url));
    children.push(api);
    const peer = await startServer('bench/peer/postgraphile-server.ts', db.url);
    children.push(peer);
    const floor = await startServer('bench/floor-server.ts', db.url);
    children.push(floor);

    // Same data, checked once; afterwards each side's exact body is the expected body under load.
    const apiAnswer = await post(api.url, token, requestBody(20));
    const peerAnswer = await post(peer.url, token, peerBody(20));
    const floorAnswer = await post(floor.url, token, requestBody(20));
    for (const [name, answer] of Object.entries({ API: apiAnswer, PostGraphile: peerAnswer })) {
      if (answer.json.errors)
        throw new Error(`${name} answered errors: ${JSON.stringify(answer.json.errors)}`);
    }
    const sameData = isDeepStrictEqual(apiAnswer.json.data, floorAnswer.json.data);
    if (!sameData) throw new Error('the API and the floor disagree on the dashboard data');
    const peerData = peerAsDashboard(peerAnswer.json.data as Parameters<typeof peerAsDashboard>[0]);
    const peerSameData = isDeepStrictEqual(apiAnswer.json.data, peerData);
    if (!peerSameData) throw new Error('the API and PostGraphile disagree on the dashboard data');
    const rooms = (apiAnswer.json.data as { rooms: { edges: unknown[] } }).rooms.edges.length;
    log(`API, PostGraphile and floor agree: ${rooms} rooms, ${apiAnswer.text.length} bytes`);

    const targets = {
      api: { url: api.url, pid: api.child.pid!, expectBody: apiAnswer.text, body: requestBody(20) },
      postgraphile: { url: peer.url, pid: peer.child.pid!, expectBody: peerAnswer.text, body: peerBody(20) },
      floor: { url: floor.url, pid: floor.child.pid!, expectBody: floorAnswer.text, body: requestBody(20) },
    };
    // Another checkout's API (BENCH_API_BASELINE), for before/after in one run: same data, same answer.
    let baseline: (typeof targets)['api'] | undefined;
    let before: ApiProcess | undefined;
    if (BASELINE) {
      before = await startApiProcess(apiEnv(db.url), { cwd: BASELINE });
      children.push(before);
      const answer = await post(before.url, token, requestBody(20));
      if (!isDeepStrictEqual(answer.json.data, apiAnswer.json.data))
        throw new Error(`the baseline API (${BASELINE}) disagrees on the dashboard data`);
      baseline = { url: before.url, pid: before.child.pid!, expectBody: answer.text, body: requestBody(20) };
    }
    // Warm every server (JIT, pools, plan caches) outside the measurements.
    for (const target of [...Object.values(targets), ...(baseline ? [baseline] : [])]) {
      await runLoad({ ...target, token, connections: 20, seconds: 2 });
    }
    const runAll = async (connections: number, rate?: number, withBaseline = false) => {
      const run = (target: typeof baseline & {}) =>
        measured(target.pid, { ...target, token, connections, seconds: SECONDS, rate });
      const api = await run(targets.api);
      const postgraphile = await run(targets.postgraphile);
      const floor = await run(targets.floor);
      const api_baseline = withBaseline && baseline ? await run(baseline) : undefined;
      return { api, postgraphile, floor, ...(api_baseline ? { api_baseline } : {}) };
    };
    const line = (name: string, run: LoadResult & { server_cpu_ms_per_request: number | null }) =>
      `${name} ${run.rps} req/s p99 ${run.p99_ms} ms cpu ${run.server_cpu_ms_per_request} ms err ${run.errors}`;

    const measureLevel = async (connections: number) => {
      const runs = await runAll(connections, undefined, true);
      const cpu = (run: { server_cpu_ms_per_request: number | null }) => run.server_cpu_ms_per_request ?? NaN;
      const level = {
        connections,
        ...runs,
        throughput_ratio_api_over_floor: round(runs.api.rps / runs.floor.rps, 3),
        throughput_ratio_postgraphile_over_floor: round(runs.postgraphile.rps / runs.floor.rps, 3),
        throughput_ratio_api_over_postgraphile: round(runs.api.rps / runs.postgraphile.rps, 3),
        cpu_ratio_api_over_floor: round(cpu(runs.api) / cpu(runs.floor), 2),
        cpu_ratio_postgraphile_over_floor: round(cpu(runs.postgraphile) / cpu(runs.floor), 2),
        p99_ratio_api_over_floor: round(runs.api.p99_ms / runs.floor.p99_ms, 2),
        ...(runs.api_baseline
          ? {
              cpu_ratio_api_baseline_over_floor: round(cpu(runs.api_baseline) / cpu(runs.floor), 2),
              throughput_ratio_api_baseline_over_floor: round(runs.api_baseline.rps / runs.floor.rps, 3),
            }
          : {}),
      };
      log(
        `c=${connections}: ${line('API', runs.api)} | ${line('PostGraphile', runs.postgraphile)} | ${line('floor', runs.floor)}` +
          ` | API/floor ${level.throughput_ratio_api_over_floor} API/PostGraphile ${level.throughput_ratio_api_over_postgraphile}` +
          (runs.api_baseline ? ` | ${line('baseline API', runs.api_baseline)}` : ''),
      );
      return level;
    };
    const levels: Awaited<ReturnType<typeof measureLevel>>[] = [];
    for (const connections of LEVELS) levels.push(await measureLevel(connections));

    // The round-trip budget: the API's saturated rate (the best of the levels) halved, offered to all three.
    const saturated = Math.max(...levels.map((level) => level.api.rps));
    const budgetRate = Math.max(1, Math.round(saturated / 2));
    const budgetRuns = await runAll(100, budgetRate);
    const budget = { connections: 100, offered_rps: budgetRate, api_saturated_rps: saturated, ...budgetRuns };
    log(
      `budget (100 conn offered ${budgetRate} req/s): ${line('API', budgetRuns.api)} | ${line('PostGraphile', budgetRuns.postgraphile)} | ${line('floor', budgetRuns.floor)}`,
    );
    await api.stop();
    await before?.stop();
    peer.child.kill('SIGTERM');
    floor.child.kill('SIGTERM');

    log('SQL statements per request (development diagnostics)');
    const statements = {
      batching_on: await sqlStatements(db.url, token, 'on'),
      batching_off: await sqlStatements(db.url, token, 'off'),
      floor: { rooms_5: 4, rooms_50: 4 },
    };
    log(JSON.stringify(statements));

    let profile: unknown = 'skipped (BENCH_PROFILE=0)';
    if (PROFILE) {
      log('profiling the API under load (--cpu-prof)');
      profile = await profileUnderLoad(db.url, token, apiAnswer.text);
    }

    const at = (connections: number) => levels.find((level) => level.connections === connections);
    const loaded = [at(50), at(100)].filter((level) => level !== undefined);
    const worst = (values: number[]) => (values.length ? Math.min(...values) : NaN);
    const cpuRatios = loaded.map((level) => level.cpu_ratio_api_over_floor);
    const result = {
      benchmark: 'api',
      date: new Date().toISOString(),
      machine: { ...machineAtStart, loadavg_at_end: machine().loadavg },
      settings: {
        seconds_per_run: SECONDS,
        max_requests_per_run: MAX_REQUESTS,
        seed: { ...DEFAULT_SEED, counts: seeded.counts, ms: seeded.ms },
        api: 'node src/main.ts as its own process, NODE_ENV=production, default config (ROLE=all, pool 20)',
        postgraphile:
          'bench/peer/postgraphile-server.ts: PostGraphile 5 (Amber preset, grafserv on node:http), pg Pool (20), viewer_rooms() and the access-rule functions of bench/peer/viewer-rooms.sql',
        floor: 'bench/floor-server.ts: node:http + pg Pool (20), 4 hand-written statements, same JSON data',
        load: 'bench/lib/load.ts (autocannon 9) in its own process over loopback; keep-alive connections; the three servers back to back at each level',
        query: DASHBOARD,
        postgraphile_query: PEER_DASHBOARD,
        variables: { first: 20 },
        response_bytes: {
          api: apiAnswer.text.length,
          postgraphile: peerAnswer.text.length,
          floor: floorAnswer.text.length,
        },
        same_data: sameData,
        postgraphile_same_data: peerSameData,
      },
      levels,
      budget,
      targets: {
        throughput_ratio_api_over_floor_at_50_and_100: {
          target: 0.6,
          measured: loaded.map((level) => level.throughput_ratio_api_over_floor),
          met: worst(loaded.map((level) => level.throughput_ratio_api_over_floor)) >= 0.6,
        },
        cpu_per_request_api_over_floor_at_50_and_100: {
          target: 2.5,
          measured: cpuRatios,
          met: cpuRatios.length > 0 && Math.max(...cpuRatios) <= 2.5,
        },
        throughput_api_over_postgraphile_at_50_and_100: {
          target: 1,
          measured: loaded.map((level) => level.throughput_ratio_api_over_postgraphile),
          met: worst(loaded.map((level) => level.throughput_ratio_api_over_postgraphile)) >= 1,
        },
        budget_p99_ms_at_half_rate: {
          target: 200,
          measured: budgetRuns.api.p99_ms,
          met: budgetRuns.api.p99_ms < 200 && budgetRuns.api.errors === 0,
          floor: budgetRuns.floor.p99_ms,
          postgraphile: budgetRuns.postgraphile.p99_ms,
          offered_rps: budgetRate,
        },
        sql_statements_per_request: {
          target: 4,
          measured: statements.batching_on.rooms_50,
          met: statements.batching_on.rooms_5 <= 4 && statements.batching_on.rooms_50 <= 4,
        },
      },
      sql_statements_per_request: statements,
      profile,
      total_bench_s: round((performance.now() - started) / 1000, 1),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'api.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const child of children) {
      if ('stop' in child) await child.stop();
      else if (child.child.exitCode === null) child.child.kill('SIGTERM');
    }
    await db.stop();
  }
}

await main();
