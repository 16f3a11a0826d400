/**
 * OCR figures on the corpus (prints JSON): CER of ocrmypdf-linn-scanned-2col.pdf against its ground truth,
 * what tika-testOCR.pdf reads, and OCR pages/s through the extractor pool (one extractor thread holding two
 * files at once, OCR_WORKERS recognition threads) over the corpus's image-only PDFs, each file twice, with
 * the load average. On a shared machine wall time mostly measures the neighbours, so the CPU time the
 * process spent per page (all its threads) is printed too, and what that gives on two free cores.
 *   npm run bench:ocr   (CORPUS_DIR overrides ../shared/corpus)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { extractPdf } from '../src/documents/engine/extract-pdf.ts';
import { ExtractorPool } from '../src/documents/engine/extractor-pool.ts';
import { INGEST_LIMITS } from '../src/documents/engine/limits.ts';
import { closeOcrEngines } from '../src/documents/engine/ocr.ts';
import { cleanDocument } from '../src/documents/engine/prepare.ts';
import { characterErrorRate } from '../src/text/edit-distance.ts';

const corpus = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const read = (file: string) => new Uint8Array(readFileSync(resolve(corpus, 'pdf', file)));
const SCANS = [
  'ocrmypdf-c02-22-scanned-book-page.pdf',
  'ocrmypdf-linn-scanned-2col.pdf',
  'ocrmypdf-epson-scanned-wikipedia.pdf',
  'tika-testOCR.pdf',
  'ocrmypdf-type3_font_nomapping.pdf',
];
const load = loadavg()[0];

const linn = cleanDocument(await extractPdf(read('ocrmypdf-linn-scanned-2col.pdf')))[0].text;
const truth = readFileSync(resolve(corpus, 'pdf/ocrmypdf-linn-scanned-2col.groundtruth.txt'), 'utf8');
const tika = cleanDocument(await extractPdf(read('tika-testOCR.pdf')))[0].text;
await closeOcrEngines();

const pool = new ExtractorPool({ size: 1 });
// Warm-up: starting the tesseract workers (about 1 s) is not per page.
await pool.extract(read('tika-testOCR.pdf'), 'pdf', INGEST_LIMITS);
const cpu = process.cpuUsage();
const started = performance.now();
let pages = 0;
for (let round = 0; round < 2; round++) {
  const docs = await Promise.all(SCANS.map((file) => pool.extract(read(file), 'pdf', INGEST_LIMITS)));
  pages += docs.reduce((n, d) => n + (d.ocrPageCount ?? 0), 0);
}
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSecondsPerPage = (used.user + used.system) / 1e6 / pages;
await pool.close();
const json = JSON.stringify(
  {
    loadAverageAtStart: load,
    linnCer: Number(characterErrorRate(truth, linn).toFixed(4)),
    tikaText: tika,
    ocrPages: pages,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number((pages / seconds).toFixed(3)),
    ocrWorkers: INGEST_LIMITS.ocr ? INGEST_LIMITS.ocr.workers : 0,
    cpuSecondsPerPage: Number(cpuSecondsPerPage.toFixed(3)),
    pagesPerSecondOnTwoFreeCores: Number((2 / cpuSecondsPerPage).toFixed(3)),
    loadAverageAtEnd: loadavg()[0],
  },
  null,
  2,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ocr.json', `${json}\n`);
console.log(json);
