/**
 * `npm run bench:api`: the dashboard query under load, beside its floor, written to bench/results/api.json.
 *
 * 1. A scratch PostgreSQL, migrated and seeded (bench/seed.ts: 50 rooms × 20 documents × 30 chunks,
 *    quizzes, 3–5 members per room, one viewer in every room).
 * 2. The API as its own process (`node src/main.ts`, NODE_ENV=production, default config) and the floor
 *    (bench/floor-server.ts: hand-written SQL, plain node:http). Both answers are checked deep-equal once.
 * 3. Load from a second process (bench/lib/load.ts, autocannon) at 1, 50 and 100 connections, API and
 *    floor back to back at each level: req/s, p50/p99, errors (a body different from the checked one is an
 *    error), server CPU per request, and the API/floor throughput ratio.
 * 4. SQL statements per request (`extensions.sqlStatements`, NODE_ENV=development) for `rooms(first: 5)`
 *    and `rooms(first: 50)`, with DataLoader batching on and off.
 * 5. A CPU profile of the API under load (a separate process, so profiling never slows the measured run),
 *    summarised by self time per function and package. BENCH_PROFILE=0 skips it.
 *
 * BENCH_SECONDS (default 10) and BENCH_MAX_REQUESTS (default 100000) bound each load run.
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
import { summarizeProfile } from './profile-summary.ts';
import { DEFAULT_SEED, seedDatabase } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 100_000);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,50,100').split(',').map(Number);
const PROFILE = process.env.BENCH_PROFILE !== '0';
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

async function post(url: string, token: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** The floor as a child process; resolves once it prints its URL. */
async function startFloor(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bench/floor-server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).url));
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return { child, url };
}

function runLoad(spec: {
  url: string;
  token: string;
  connections: number;
  seconds: number;
  expectBody?: string;
}): Promise<LoadResult> {
  const args = JSON.stringify({
    url: spec.url,
    body: requestBody(20),
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
    const floor = await startFloor(db.url);
    children.push(floor);

    // Same data, checked once; afterwards each side's exact body is the expected body under load.
    const apiAnswer = await post(api.url, token, requestBody(20));
    const floorAnswer = await post(floor.url, token, requestBody(20));
    if (apiAnswer.json.errors)
      throw new Error(`API answered errors: ${JSON.stringify(apiAnswer.json.errors)}`);
    const sameData = isDeepStrictEqual(apiAnswer.json.data, floorAnswer.json.data);
    if (!sameData) throw new Error('the API and the floor disagree on the dashboard data');
    const rooms = (apiAnswer.json.data as { rooms: { edges: unknown[] } }).rooms.edges.length;
    log(`API and floor agree: ${rooms} rooms, ${apiAnswer.text.length} bytes`);

    const targets = {
      api: { url: api.url, pid: api.child.pid!, expectBody: apiAnswer.text },
      floor: { url: floor.url, pid: floor.child.pid!, expectBody: floorAnswer.text },
    };
    // Warm both (JIT, pools, plan caches) outside the measurements.
    for (const target of Object.values(targets)) {
      await runLoad({ url: target.url, token, connections: 20, seconds: 2, expectBody: target.expectBody });
    }

    const levels = [];
    for (const connections of LEVELS) {
      const apiRun = await measured(targets.api.pid, {
        ...targets.api,
        token,
        connections,
        seconds: SECONDS,
      });
      const floorRun = await measured(targets.floor.pid, {
        ...targets.floor,
        token,
        connections,
        seconds: SECONDS,
      });
      const level = {
        connections,
        api: apiRun,
        floor: floorRun,
        throughput_ratio_api_over_floor: round(apiRun.rps / floorRun.rps, 3),
        p99_ratio_api_over_floor: round(apiRun.p99_ms / floorRun.p99_ms, 2),
      };
      levels.push(level);
      log(
        `c=${connections}: API ${apiRun.rps} req/s p50 ${apiRun.p50_ms} p99 ${apiRun.p99_ms} ms err ${apiRun.errors}` +
          ` | floor ${floorRun.rps} req/s p50 ${floorRun.p50_ms} p99 ${floorRun.p99_ms} ms | ratio ${level.throughput_ratio_api_over_floor}`,
      );
    }
    await api.stop();
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

    const at100 = levels.find((level) => level.connections === 100) ?? levels.at(-1)!;
    const result = {
      benchmark: 'api',
      date: new Date().toISOString(),
      machine: { ...machineAtStart, loadavg_at_end: machine().loadavg },
      settings: {
        seconds_per_run: SECONDS,
        max_requests_per_run: MAX_REQUESTS,
        seed: { ...DEFAULT_SEED, counts: seeded.counts, ms: seeded.ms },
        api: 'node src/main.ts as its own process, NODE_ENV=production, default config (ROLE=all, pool 20)',
        floor: 'bench/floor-server.ts: node:http + pg Pool (20), 4 hand-written statements, same JSON data',
        load: 'bench/lib/load.ts (autocannon 9) in its own process over loopback; keep-alive connections',
        query: DASHBOARD,
        variables: { first: 20 },
        response_bytes: { api: apiAnswer.text.length, floor: floorAnswer.text.length },
        same_data: sameData,
      },
      levels,
      targets: {
        p99_ms_at_100: {
          target: 20,
          measured: at100.api.p99_ms,
          met: at100.api.p99_ms < 20,
          floor: at100.floor.p99_ms,
          // Little's law: 100 requests always in flight wait ~100 / throughput on average, whatever the server.
          mean_latency_bound_ms: round((100 / at100.api.rps) * 1000, 1),
          floor_mean_latency_bound_ms: round((100 / at100.floor.rps) * 1000, 1),
        },
        throughput_ratio_at_100: {
          target: 0.4,
          measured: at100.throughput_ratio_api_over_floor,
          met: at100.throughput_ratio_api_over_floor >= 0.4,
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
