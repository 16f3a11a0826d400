/**
 * Flashcard generation measured on real documents (`npm run eval:cards`), like eval:quiz: extraction and
 * chunking by the ingest core (no database), chunks sampled as the deck job samples them, cards drafted and
 * verified, and every released card checked again here against the extracted source. Prints JSON and writes
 * bench/results/cards-eval.json: cards released per requested, share whose quote is a verbatim substring of
 * its chunk (must be 1), share whose back occurs in the quote as a phrase, rejection rate per round, ms per card.
 *
 *   node scripts/eval-cards.ts [--count 20] [--provider offline|openai] [files...]
 *
 * `--provider openai` needs OPENAI_API_KEY (OPENAI_BASE_URL and CHAT_MODEL are honoured).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { extractDocument } from '../src/documents/engine/extract-document.ts';
import { chunkDocument } from '../src/documents/engine/prepare.ts';
import { sniffFileType } from '../src/documents/engine/sniff.ts';
import { generateVerifiedCards } from '../src/flashcards/engine/generate.ts';
import { LlmCardDrafter } from '../src/flashcards/engine/llm-drafter.ts';
import { OfflineCardDrafter } from '../src/flashcards/engine/offline-drafter.ts';
import type { CardDrafter } from '../src/flashcards/engine/types.ts';
import { type SampleableChunk, sampleChunks } from '../src/quizzes/engine/sample-chunks.ts';
import { buildVocabulary } from '../src/quizzes/engine/vocabulary.ts';
import { containsPhrase } from '../src/text/normalize.ts';

const DEFAULT_FILES = [
  'pdf/pdfjs-tracemonkey.pdf',
  'pdf/unstructured-multi-column-dpr-paper.pdf',
  'pdf/pdfplumber-issue-982-arxiv-1601.03642.pdf',
  'pdf/pdfplumber-federal-register-2020-17221.pdf',
  'pdf/tika-testPDF_protected.pdf',
  'pdf/pdfjs-freeculture.pdf',
  'docx/unstructured-handbook-872p.docx',
  'docx/poi-IllustrativeCases.docx',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '20' },
    provider: { type: 'string', default: 'offline' },
    out: { type: 'string', default: 'bench/results/cards-eval.json' },
  },
});
const count = Number(values.count);
const corpus = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const files = positionals.length > 0 ? positionals : DEFAULT_FILES.map((f) => resolve(corpus, f));

let client: OpenAI | undefined;
const model = process.env.CHAT_MODEL ?? 'gpt-4o-mini';
if (values.provider === 'openai') {
  if (!process.env.OPENAI_API_KEY) {
    console.error('--provider openai needs OPENAI_API_KEY');
    process.exit(2);
  }
  client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, maxRetries: 3 });
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const perDocument = [];
let released = 0;
let verbatim = 0;
let backInQuote = 0;
let totalMs = 0;
const rejectedByRound: number[] = [];
const draftedByRound: number[] = [];
const byKind: Record<string, number> = {};

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const sniffed = sniffFileType(bytes, basename(file));
  if ('error' in sniffed) throw new Error(`${file}: ${sniffed.error}`);
  const { chunks } = chunkDocument(await extractDocument(bytes, sniffed.kind));
  const documentId = basename(file);
  const all: SampleableChunk[] = chunks.map((c) => ({
    chunkId: `${documentId}#${c.ordinal}`,
    documentId,
    text: c.text,
    pageStart: c.pageStart,
    pageEnd: c.pageEnd,
    ordinal: c.ordinal,
  }));
  const started = performance.now();
  const sample = sampleChunks(all, Math.max(8, count * 2), { seed: documentId });
  const drafter: CardDrafter = client
    ? new LlmCardDrafter({ client, model })
    : new OfflineCardDrafter({ vocabulary: buildVocabulary(all.map((c) => c.text)) });
  const draftedPerRound: number[] = [];
  let lastDrafted = 0;
  const { cards, stats } = await generateVerifiedCards({
    drafter,
    chunks: sample,
    count,
    onProgress: (s) => {
      draftedPerRound.push(s.drafted - lastDrafted);
      lastDrafted = s.drafted;
    },
  });
  const ms = performance.now() - started;
  totalMs += ms;
  const text = new Map(all.map((c) => [c.chunkId, c.text]));
  const exact = cards.filter((c) => text.get(c.evidence.chunkId)?.includes(c.evidence.quote)).length;
  const inQuote = cards.filter((c) => containsPhrase(c.evidence.quote, c.back)).length;
  stats.rejectionsByRound.forEach((n, i) => {
    rejectedByRound[i] = (rejectedByRound[i] ?? 0) + n;
    draftedByRound[i] = (draftedByRound[i] ?? 0) + (draftedPerRound[i] ?? 0);
  });
  for (const card of cards) byKind[card.kind] = (byKind[card.kind] ?? 0) + 1;
  released += cards.length;
  verbatim += exact;
  backInQuote += inQuote;
  perDocument.push({
    document: documentId,
    chunks: all.length,
    sampledChunks: sample.length,
    released: cards.length,
    kinds: Object.fromEntries(
      ['DEFINITION', 'CLOZE', 'QUESTION'].map((k) => [k, cards.filter((c) => c.kind === k).length]),
    ),
    evidenceVerbatimShare: cards.length ? round3(exact / cards.length) : null,
    backInQuoteShare: cards.length ? round3(inQuote / cards.length) : null,
    stats,
    msPerCard: cards.length ? Math.round((ms / cards.length) * 10) / 10 : null,
    examples: cards.slice(0, 3).map((c) => ({ kind: c.kind, front: c.front, back: c.back })),
  });
}

const result = {
  provider: values.provider,
  drafter: client ? `openai:${model}` : 'offline-definitions-cloze',
  requestedPerDocument: count,
  documents: files.length,
  requested: count * files.length,
  released,
  releasedPerRequested: round3(released / (count * files.length)),
  kinds: byKind,
  evidenceVerbatimShare: released ? round3(verbatim / released) : null,
  backInQuoteShare: released ? round3(backInQuote / released) : null,
  rejectionRateByRound: rejectedByRound.map((n, i) =>
    draftedByRound[i] ? round3(n / draftedByRound[i]!) : 0,
  ),
  msPerCard: released ? Math.round((totalMs / released) * 10) / 10 : null,
  perDocument,
};
mkdirSync(resolve(values.out, '..'), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
