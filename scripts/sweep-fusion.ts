/**
 * npm run eval:fusion -- [<beir-dir>] [--embedders bge-small-en-v1.5-q8,local-hash] [--cache DIR]
 * Scores fusion settings on a BEIR dataset (SciFact by default) in process: relative-score fusion and RRF
 * at alpha 0..1, BM25 variants, and (with two embedders) a three-way fusion and the blended embedder. Vectors come through the
 * on-disk cache (.data/embedding-cache), so only the first run per model pays for embedding. Prints JSON
 * on stdout and a Markdown table on stderr.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { documentText, loadBeir } from '../src/retrieval/eval/beir-loader.ts';
import { evalEmbedder } from '../src/retrieval/eval/eval-embedders.ts';
import {
  blendVectors,
  bm25Lists,
  fuse,
  fuseThree,
  type RankedLists,
  score,
  vectorLists,
} from '../src/retrieval/eval/fusion-sweep.ts';
import type { Embedder } from '../src/retrieval/ports.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    embedders: { type: 'string', default: 'bge-small-en-v1.5-q8' },
    cache: { type: 'string', default: '.data/embedding-cache' },
    workers: { type: 'string' },
  },
});
const dir = positionals[0] ?? resolve('../shared/corpus/eval/scifact');
const log = (line: string) => console.error(`[sweep] ${line}`);
const dataset = await loadBeir(dir);
const texts = dataset.corpus.map(documentText);
log(`${dataset.corpus.length} documents, ${dataset.queries.length} queries`);

const DEPTH = 100;
const ALPHAS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const rows: Record<string, unknown>[] = [];
const add = (row: Record<string, unknown>) => {
  rows.push(row);
  log(JSON.stringify(row));
};

const lexical = bm25Lists(dataset, texts, DEPTH);
add({
  signal: 'bm25 k1 0.9 b 0.4',
  ...score(
    dataset,
    lexical.map((l) => l.map((h) => h.key)),
  ),
});
for (const [k1, b] of [
  [1.2, 0.75],
  [0.9, 0.6],
  [1.2, 0.4],
]) {
  const variant = bm25Lists(dataset, texts, DEPTH, { k1, b });
  add({
    signal: `bm25 k1 ${k1} b ${b}`,
    ...score(
      dataset,
      variant.map((l) => l.map((h) => h.key)),
    ),
  });
}

const vectors: { id: string; lists: RankedLists; docs: Float32Array[]; queries: Float32Array[] }[] = [];
for (const spec of values.embedders!.split(',')) {
  const embedder: Embedder = await evalEmbedder(spec, {
    cacheDir: values.cache,
    workers: values.workers ? Number(values.workers) : undefined,
  });
  const started = performance.now();
  const docs: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += 256) {
    docs.push(...(await embedder.embed(texts.slice(i, i + 256))));
    log(
      `${embedder.id}: embedded ${docs.length}/${texts.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const queries = await embedder.embed(
    dataset.queries.map((q) => q.text),
    { input: 'query' },
  );
  await embedder.close?.();
  const lists = vectorLists(docs, queries, DEPTH);
  vectors.push({ id: embedder.id, lists, docs, queries });
  for (const method of ['relative-score', 'rrf'] as const) {
    for (const alpha of ALPHAS) {
      add({
        signal: `${embedder.id} + bm25`,
        method,
        alpha,
        ...score(dataset, fuse(method, lists, lexical, alpha)),
      });
    }
  }
}
if (vectors.length >= 2) {
  const [a, b] = vectors;
  for (const [wa, wb] of [
    [0.3, 0.3],
    [0.4, 0.2],
    [0.35, 0.35],
    [0.4, 0.3],
    [0.5, 0.2],
    [0.3, 0.2],
  ]) {
    add({
      signal: `${a.id} ${wa} + ${b.id} ${wb} + bm25 ${(1 - wa - wb).toFixed(2)}`,
      method: 'relative-score',
      ...score(dataset, fuseThree(a.lists, b.lists, lexical, wa, wb)),
    });
  }
}
if (vectors.length >= 2) {
  // One blended vector per chunk (what LOCAL_MODEL=bge-small+e5-small-q8 stores), fused with BM25 as the
  // stores fuse; BM25 b 0.6 beside the stores' 0.4.
  const [a, b] = vectors;
  const lexicalB06 = bm25Lists(dataset, texts, DEPTH, { k1: 0.9, b: 0.6 });
  for (const wa of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    const lists = vectorLists(
      blendVectors(a.docs, b.docs, wa),
      blendVectors(a.queries, b.queries, wa),
      DEPTH,
    );
    const signal = `blend ${a.id} ${wa} + ${b.id} ${round(1 - wa)}`;
    add({
      signal,
      alpha: 1,
      ...score(
        dataset,
        lists.map((l) => l.map((h) => h.key)),
      ),
    });
    for (const alpha of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      add({
        signal: `${signal} + bm25`,
        method: 'relative-score',
        alpha,
        ...score(dataset, fuse('relative-score', lists, lexical, alpha)),
      });
      add({
        signal: `${signal} + bm25 b 0.6`,
        method: 'relative-score',
        alpha,
        ...score(dataset, fuse('relative-score', lists, lexicalB06, alpha)),
      });
    }
  }
}
console.log(JSON.stringify({ dataset: dir, depth: DEPTH, rows }, null, 2));

function round(x: number): number {
  return Number(x.toFixed(2));
}
