/**
 * Checks one file by hand: `npm exec -- node scripts/extract.ts <file> [chunks-to-show]`. Prints the
 * sniffed type, page count, per-page character counts, timings and the first chunks as JSON.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractDocument } from '../src/documents/engine/extract-document.ts';
import { chunkDocument } from '../src/documents/engine/prepare.ts';
import { sniffFileType } from '../src/documents/engine/sniff.ts';
import { ExtractionError } from '../src/documents/engine/types.ts';

const [file, show = '3'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/extract.ts <file> [chunks-to-show]');
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const sniffed = sniffFileType(bytes, basename(file));
if ('error' in sniffed) {
  console.log(JSON.stringify({ file, rejected: sniffed.error }, null, 2));
  process.exit(1);
}
const started = performance.now();
try {
  const doc = await extractDocument(bytes, sniffed.kind);
  const extractedMs = performance.now() - started;
  const { pages, chunks } = chunkDocument(doc);
  const totalMs = performance.now() - started;
  const report = {
    file,
    ...sniffed,
    title: doc.title,
    pageCount: doc.pageCount,
    charsPerPage: pages.map((p) => p.text.length),
    extractMs: Math.round(extractedMs),
    cleanAndChunkMs: Math.round(totalMs - extractedMs),
    chunkCount: chunks.length,
    chunks: chunks.slice(0, Number(show)),
  };
  console.log(JSON.stringify(report, null, 2));
} catch (error) {
  if (!(error instanceof ExtractionError)) throw error;
  console.log(
    JSON.stringify(
      { file, failed: { code: error.code, message: error.message, permanent: error.permanent } },
      null,
      2,
    ),
  );
  process.exit(1);
}
