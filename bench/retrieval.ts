/**
 * `npm run bench:retrieval`: one bounded retrieval-quality run through `npm run eval:retrieval`, written to
 * bench/results/retrieval.json. BEIR SciFact (5,183 abstracts, 300 test queries) when
 * ../shared/corpus/eval/scifact exists, else a small generated BEIR set (so the pipeline still runs on a
 * clean clone; its scores only show that it works). The PostgreSQL store always; Weaviate too when
 * WEAVIATE_URL is set. Each store run is bounded by BENCH_RETRIEVAL_TIMEOUT_S (default 600).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machine } from './lib/machine.ts';
import { round } from './lib/stats.ts';

const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const TIMEOUT_S = Number(process.env.BENCH_RETRIEVAL_TIMEOUT_S ?? 600);
const RESULTS = resolve('bench/results');
const log = (message: string) => process.stderr.write(`[bench:retrieval] ${message}\n`);

/** A tiny BEIR set: 200 topical documents, 40 queries, each judged against the documents of its topic. */
function generatedDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studyroom-beir-'));
  mkdirSync(join(dir, 'qrels'));
  const topics = [
    'photosynthesis chlorophyll light',
    'mitochondria respiration energy',
    'glacier erosion valley',
    'inflation interest rates',
    'volcano magma eruption',
    'enzyme substrate catalysis',
    'tectonic plates faults',
    'neuron synapse signal',
    'supply demand price',
    'vaccine antibody immunity',
  ];
  const filler = [
    'study',
    'shows',
    'results',
    'analysis',
    'effect',
    'measured',
    'observed',
    'data',
    'sample',
  ];
  const corpus: string[] = [];
  const queries: string[] = [];
  const qrels = ['query-id\tcorpus-id\tscore'];
  topics.forEach((topic, t) => {
    const words = topic.split(' ');
    for (let d = 0; d < 20; d++) {
      const text = Array.from({ length: 40 }, (_, i) =>
        i % 4 === 0 ? words[(i + d) % words.length] : filler[(i * 7 + d + t) % filler.length],
      ).join(' ');
      corpus.push(JSON.stringify({ _id: `d${t}-${d}`, title: `${words[0]} note ${d}`, text }));
    }
    for (let q = 0; q < 4; q++) {
      queries.push(
        JSON.stringify({
          _id: `q${t}-${q}`,
          text: `${words[q % words.length]} ${words[(q + 1) % words.length]}`,
        }),
      );
      for (let d = 0; d < 20; d++) qrels.push(`q${t}-${q}\td${t}-${d}\t1`);
    }
  });
  writeFileSync(join(dir, 'corpus.jsonl'), `${corpus.join('\n')}\n`);
  writeFileSync(join(dir, 'queries.jsonl'), `${queries.join('\n')}\n`);
  writeFileSync(join(dir, 'qrels', 'test.tsv'), `${qrels.join('\n')}\n`);
  return dir;
}

function evalRun(dir: string, store: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'eval:retrieval', '--', dir, '--store', store], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_S * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Record<string, unknown>);
      else reject(new Error(`eval:retrieval --store ${store} exited with ${code}`));
    });
  });
}

const started = performance.now();
const scifact = join(CORPUS_DIR, 'eval', 'scifact');
const dataset = existsSync(scifact)
  ? { name: 'BEIR SciFact (test)', dir: scifact }
  : { name: 'generated BEIR set (200 docs, 40 queries)', dir: generatedDataset() };
const stores = process.env.WEAVIATE_URL ? ['postgres', 'weaviate'] : ['postgres'];
const runs: Record<string, unknown>[] = [];
for (const store of stores) {
  log(`${dataset.name}, ${store} store`);
  try {
    runs.push(await evalRun(dataset.dir, store));
  } catch (error) {
    runs.push({ store, error: error instanceof Error ? error.message : String(error) });
  }
}
const result = {
  benchmark: 'retrieval',
  date: new Date().toISOString(),
  machine: machine(),
  dataset: dataset.name,
  stores,
  note: stores.length === 1 ? 'Weaviate skipped: WEAVIATE_URL is not set' : undefined,
  runs,
  total_bench_s: round((performance.now() - started) / 1000, 1),
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'retrieval.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
