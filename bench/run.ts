/**
 * `npm run bench`: runs every benchmark as `npm run bench:<name>` (each writes bench/results/<name>.json)
 * and then writes bench/results/SUMMARY.md from whatever results exist. `npm run bench -- api memory` runs
 * only those; `npm run bench -- --summary` only rewrites the summary. A benchmark whose script does not
 * exist yet is reported as missing, and one that fails does not stop the others.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { machine } from './lib/machine.ts';
import { type RunRecord, renderSummary } from './summary.ts';

/** The suite, in the order it runs; any other `bench:*` script in package.json runs after these. */
const SUITE = ['ingest', 'stream', 'live', 'workers', 'retrieval', 'api', 'memory'];
const RESULTS = resolve('bench/results');
const TIMEOUT_MIN = Number(process.env.BENCH_TIMEOUT_MIN ?? 30);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const available = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .map((name) => name.slice('bench:'.length));
const all = [...SUITE, ...available.filter((name) => !SUITE.includes(name)).sort()];

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const chosen = args.filter((arg) => !arg.startsWith('--'));
const selected = summaryOnly ? [] : chosen.length ? all.filter((name) => chosen.includes(name)) : all;

function runOne(name: string): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    // stdout is the JSON each benchmark also writes to its file; progress (stderr) goes to the console.
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const timer = setTimeout(() => {
      log(`${name}: no result after ${TIMEOUT_MIN} min, stopping it`);
      child.kill('SIGTERM');
    }, TIMEOUT_MIN * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, seconds: Math.round((performance.now() - started) / 100) / 10 });
    });
  });
}

const startedAt = new Date();
const machineAtStart = machine();
const records: RunRecord[] = [];
for (const name of all) {
  const resultFile = join(RESULTS, `${name}.json`);
  if (!selected.includes(name)) {
    records.push({ name, state: existsSync(resultFile) ? 'earlier' : 'missing', file: resultFile });
    continue;
  }
  if (!available.includes(name)) {
    log(`${name}: no bench:${name} script yet — missing`);
    records.push({ name, state: 'missing', file: resultFile });
    continue;
  }
  log(`${name}: npm run bench:${name}`);
  const { code, seconds } = await runOne(name);
  const fresh = existsSync(resultFile) && statSync(resultFile).mtime >= startedAt;
  const state = code === 0 && fresh ? 'ran' : 'failed';
  log(`${name}: ${state} in ${seconds} s${code === 0 ? '' : ` (exit ${code})`}`);
  records.push({ name, state, file: resultFile, seconds, exitCode: code });
}

const summary = renderSummary(records, {
  startedAt,
  machineAtStart,
  machineAtEnd: machine(),
  command: summaryOnly
    ? 'npm run bench -- --summary'
    : `npm run bench${chosen.length ? ` -- ${chosen.join(' ')}` : ''}`,
});
writeFileSync(join(RESULTS, 'SUMMARY.md'), summary);
log(`wrote ${join('bench/results', 'SUMMARY.md')}`);
process.stdout.write(summary);
if (records.some((record) => record.state === 'failed')) process.exitCode = 1;
