/**
 * Reads a BEIR-format dataset: corpus.jsonl (or .gz), queries.jsonl and qrels/<split>.tsv. Only queries
 * that have judgements in the split are returned, as BEIR evaluates them.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Judgements } from './metrics.ts';

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
}

export interface BeirDataset {
  corpus: BeirDocument[];
  queries: BeirQuery[];
  qrels: Map<string, Judgements>;
}

async function* jsonLines(path: string): AsyncGenerator<Record<string, unknown>> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${path}:${lineNo} is not valid JSON`);
    }
  }
}

export async function loadBeir(dir: string, split = 'test'): Promise<BeirDataset> {
  const corpusPath = [join(dir, 'corpus.jsonl'), join(dir, 'corpus.jsonl.gz')].find((p) => existsSync(p));
  const qrelsPath = join(dir, 'qrels', `${split}.tsv`);
  const queriesPath = join(dir, 'queries.jsonl');
  if (!corpusPath) throw new Error(`${dir} has no corpus.jsonl or corpus.jsonl.gz`);
  for (const p of [qrelsPath, queriesPath]) if (!existsSync(p)) throw new Error(`${p} is missing`);

  const qrels = new Map<string, Judgements>();
  let header = true;
  for await (const line of createInterface({ input: createReadStream(qrelsPath) })) {
    const [qid, did, grade] = line.split('\t');
    // The first line is a header ("query-id corpus-id score") in BEIR's files; skip it wherever non-numeric.
    if (header && Number.isNaN(Number(grade))) {
      header = false;
      continue;
    }
    header = false;
    if (!qid || !did) continue;
    const judged = qrels.get(qid) ?? new Map<string, number>();
    judged.set(did, Number(grade));
    qrels.set(qid, judged);
  }

  const corpus: BeirDocument[] = [];
  for await (const o of jsonLines(corpusPath)) {
    corpus.push({ id: String(o._id), title: String(o.title ?? ''), text: String(o.text ?? '') });
  }
  const queries: BeirQuery[] = [];
  for await (const o of jsonLines(queriesPath)) {
    const id = String(o._id);
    if (qrels.has(id)) queries.push({ id, text: String(o.text ?? '') });
  }
  return { corpus, queries, qrels };
}

/** BEIR's convention for lexical baselines: title and body indexed together. */
export function documentText(doc: BeirDocument): string {
  return doc.title ? `${doc.title}\n${doc.text}` : doc.text;
}
