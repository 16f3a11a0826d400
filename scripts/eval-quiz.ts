/**
 * Quiz generation measured on real documents (`npm run eval:quiz`): extraction and chunking by the ingest
 * core (no database), chunks sampled, questions drafted and verified, and the result checked again here
 * against the extracted source. Prints JSON: share of released questions whose quote is in the source
 * verbatim (must be 1), share whose answer occurs in the quote, rejection rate per round, ms per question.
 *
 *   node scripts/eval-quiz.ts [--count 20] [--seed 1] [--provider offline|openai]
 *     [--embedder local-model|none] [--judge e5-small-v2-q8|none] [files...]
 *
 * The offline drafter picks distractors near the answer in meaning with `--embedder` (the product's
 * default local model; `none` = by shape only, as before item 5). `distractorRelatedness` is the mean cosine
 * of answer and distractor under `--judge`, a different model than the one that picks, so the figure is not
 * the picker grading itself.
 *
 * `--provider openai` needs OPENAI_API_KEY (OPENAI_BASE_URL and CHAT_MODEL are honoured).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { extractDocument } from '../src/documents/engine/extract-document.ts';
import { chunkDocument } from '../src/documents/engine/prepare.ts';
import { sniffFileType } from '../src/documents/engine/sniff.ts';
import { generateVerifiedQuestions } from '../src/quizzes/engine/generate.ts';
import { createLlmJudge, LlmQuizDrafter } from '../src/quizzes/engine/llm-drafter.ts';
import { OfflineQuizDrafter } from '../src/quizzes/engine/offline-drafter.ts';
import { type SampleableChunk, sampleChunks } from '../src/quizzes/engine/sample-chunks.ts';
import type { QuestionKind, QuizDrafter, QuizJudge } from '../src/quizzes/engine/types.ts';
import { statementOf } from '../src/quizzes/engine/verify.ts';
import { buildVocabulary } from '../src/quizzes/engine/vocabulary.ts';
import { evalEmbedder } from '../src/retrieval/eval/eval-embedders.ts';
import { containsPhrase, normalizeForMatch } from '../src/text/normalize.ts';

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
const KINDS: QuestionKind[] = ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    provider: { type: 'string', default: 'offline' },
    embedder: { type: 'string', default: 'local-model' },
    judge: { type: 'string', default: 'e5-small-v2-q8' },
  },
});
const embedder = values.embedder === 'none' ? undefined : await evalEmbedder(values.embedder!);
const judgeEmbedder =
  values.judge === 'none' ? undefined : await evalEmbedder(values.judge!).catch(() => undefined);
const relatedness: number[] = [];
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

const perDocument = [];
let released = 0;
let quoteVerbatim = 0;
let answerInQuote = 0;
let answerChecked = 0;
let totalMs = 0;
const rejectedByRound: number[] = [];
const draftedByRound: number[] = [];

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const sniffed = sniffFileType(bytes, basename(file));
  if ('error' in sniffed) throw new Error(`${file}: ${sniffed.error}`);
  const doc = await extractDocument(bytes, sniffed.kind);
  const { chunks } = chunkDocument(doc);
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
  const sample = sampleChunks(all, Math.max(8, count), { seed: values.seed });
  let drafter: QuizDrafter;
  let judge: QuizJudge | undefined;
  if (client) {
    drafter = new LlmQuizDrafter({ client, model });
    judge = createLlmJudge(client, model);
  } else {
    // The room's vocabulary comes from all of its text, not only the sampled chunks.
    drafter = new OfflineQuizDrafter({
      seed: values.seed,
      vocabulary: buildVocabulary(all.map((c) => c.text)),
      embedder,
    });
  }
  const draftedPerRound: number[] = [];
  let lastDrafted = 0;
  const { questions, stats } = await generateVerifiedQuestions({
    drafter,
    judge,
    chunks: sample,
    count,
    kinds: KINDS,
    onProgress: (s) => {
      draftedPerRound.push(s.drafted - lastDrafted);
      lastDrafted = s.drafted;
    },
  });
  const ms = performance.now() - started;
  totalMs += ms;
  const byId = new Map(all.map((c) => [c.chunkId, c.text]));
  let verbatim = 0;
  let inQuote = 0;
  let checked = 0;
  for (const q of questions) {
    if (byId.get(q.evidence.chunkId)?.includes(q.evidence.quote)) verbatim++;
    if (q.kind === 'TRUE_FALSE') {
      if (q.answer !== 'True') continue;
      checked++;
      if (normalizeForMatch(q.evidence.quote).includes(normalizeForMatch(statementOf(q.prompt)))) inQuote++;
      continue;
    }
    checked++;
    if (containsPhrase(q.evidence.quote, q.answer)) inQuote++;
  }
  if (judgeEmbedder) {
    for (const q of questions.filter((x) => x.kind === 'MULTIPLE_CHOICE')) {
      const [answer, ...others] = await judgeEmbedder.embed([
        q.answer,
        ...q.options.filter((o) => o !== q.answer),
      ]);
      for (const o of others) relatedness.push(answer!.reduce((sum, x, k) => sum + x * o[k]!, 0));
    }
  }
  stats.rejectionsByRound.forEach((n, i) => {
    rejectedByRound[i] = (rejectedByRound[i] ?? 0) + n;
    draftedByRound[i] = (draftedByRound[i] ?? 0) + (draftedPerRound[i] ?? 0);
  });
  released += questions.length;
  quoteVerbatim += verbatim;
  answerInQuote += inQuote;
  answerChecked += checked;
  perDocument.push({
    document: documentId,
    chunks: all.length,
    sampledChunks: sample.length,
    released: questions.length,
    kinds: Object.fromEntries(KINDS.map((k) => [k, questions.filter((q) => q.kind === k).length])),
    quoteVerbatimShare: questions.length ? verbatim / questions.length : null,
    answerInQuoteShare: checked ? inQuote / checked : null,
    stats,
    msPerQuestion: questions.length ? Math.round((ms / questions.length) * 10) / 10 : null,
    example: questions
      .slice(0, 3)
      .map((q) => ({ kind: q.kind, prompt: q.prompt, options: q.options, answer: q.answer })),
  });
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
console.log(
  JSON.stringify(
    {
      provider: values.provider,
      drafter: client ? `openai:${model}` : 'offline-terms',
      distractorsBy: client ? 'llm' : embedder ? `meaning (${embedder.id}) and shape` : 'shape only',
      distractorRelatedness: judgeEmbedder
        ? {
            judge: judgeEmbedder.id,
            meanCosine: relatedness.length
              ? round3(relatedness.reduce((a, b) => a + b, 0) / relatedness.length)
              : null,
            pairs: relatedness.length,
          }
        : null,
      requestedPerDocument: count,
      documents: files.length,
      released,
      quoteVerbatimShare: released ? round3(quoteVerbatim / released) : null,
      answerInQuoteShare: answerChecked ? round3(answerInQuote / answerChecked) : null,
      rejectionRateByRound: rejectedByRound.map((n, i) =>
        draftedByRound[i] ? round3(n / draftedByRound[i]) : 0,
      ),
      msPerQuestion: released ? Math.round((totalMs / released) * 10) / 10 : null,
      perDocument,
    },
    null,
    2,
  ),
);
await embedder?.close?.();
await judgeEmbedder?.close?.();
