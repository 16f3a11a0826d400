/**
 * Extraction speed per format (prints JSON, writes bench/results/formats.json): what the extractor thread
 * does for each upload (read the file, clean, chunk, attach highlight boxes), in-process on one core, over
 * documents generated like the tests' fixtures but larger: a 60-slide deck, an EPUB of 30 chapters with a
 * 120-page page list, the same book without one, a long saved web page, long Markdown notes and four photos
 * of handouts (OCR). Each is run `ROUNDS` times after a warm-up; the median wall time and the CPU time the
 * process spent (all threads: OCR runs in tesseract workers) are printed with the load average, since wall
 * time on a shared machine mostly measures the neighbours.
 *   npm run bench:formats
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extractDocument } from '../src/documents/engine/extract-document.ts';
import { closeOcrEngines } from '../src/documents/engine/ocr.ts';
import { prepareDocument } from '../src/documents/engine/prepare.ts';
import { sniffFileType } from '../src/documents/engine/sniff.ts';
import {
  type DeckSlide,
  type EpubChapter,
  makeDeck,
  makeEpub,
  textPng,
} from '../test/helpers/format-fixtures.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const enc = new TextEncoder();
const sentence = (i: number) =>
  `Sentence ${i} explains how ${['enzymes', 'plates', 'neurons', 'glaciers', 'markets'][i % 5]} change over time in measurable steps.`;

const slides: DeckSlide[] = Array.from({ length: 60 }, (_, i) => ({
  title: `Lecture point ${i + 1}`,
  boxes: [
    [`${sentence(i)} ${sentence(i + 1)}`, 0.5, 1.4, 4.3, 2],
    [`${sentence(i + 2)} ${sentence(i + 3)}`, 5.2, 1.4, 4.3, 2],
  ],
  ...(i % 3 === 0
    ? {
        table: [
          ['Term', 'Meaning'],
          [`Term ${i}`, sentence(i)],
        ],
      }
    : {}),
  notes: `Speaker notes for slide ${i + 1}: ${sentence(i + 4)}`,
}));
let page = 0;
const chapters: EpubChapter[] = Array.from({ length: 30 }, (_, c) => ({
  title: `Chapter ${c + 1}`,
  paragraphs: Array.from({ length: 4 }, (_, p) => [
    `[page ${++page}]`,
    ...Array.from({ length: 8 }, (_, s) => sentence(c * 100 + p * 10 + s)),
  ]).flat(),
}));
const sections = Array.from(
  { length: 40 },
  (_, s) =>
    `<h2>Section ${s + 1}</h2><p>${Array.from({ length: 12 }, (_, i) => sentence(s * 20 + i)).join(' ')}</p><ul><li>${sentence(s)}</li><li>${sentence(s + 1)}</li></ul>`,
);
const webPage = `<!DOCTYPE html><html><head><title>Long notes</title><script>var x = 1;</script></head><body><nav><a href="/">Home</a></nav><main><article><h1>Long notes</h1>${sections.join('')}</article></main><footer>Footer</footer></body></html>`;
const markdown = Array.from(
  { length: 40 },
  (_, s) =>
    `## Section ${s + 1}\n\n${Array.from({ length: 12 }, (_, i) => sentence(s * 20 + i)).join(' ')}\n\n- ${sentence(s)}\n- ${sentence(s + 1)}\n`,
).join('\n');
const photo = await textPng([
  'Mitochondria produce ATP by aerobic respiration.',
  'Ribosomes translate messenger RNA into protein.',
  'The Golgi apparatus packages proteins for export.',
  'Lysosomes digest worn-out organelles and debris.',
]);

const inputs: Array<{ name: string; file: string; bytes: Uint8Array; copies?: number }> = [
  { name: 'pptx', file: 'deck.pptx', bytes: await makeDeck(slides) },
  { name: 'epub (page list)', file: 'book.epub', bytes: makeEpub(chapters, { pageList: true }) },
  { name: 'epub (chapters)', file: 'book.epub', bytes: makeEpub(chapters) },
  { name: 'html', file: 'notes.html', bytes: enc.encode(webPage) },
  { name: 'markdown', file: 'notes.md', bytes: enc.encode(markdown) },
  { name: 'image (OCR)', file: 'handout.png', bytes: photo, copies: 4 },
];

async function runOnce(bytes: Uint8Array, file: string) {
  const type = sniffFileType(bytes, file);
  if ('error' in type) throw new Error(`${file}: ${type.error}`);
  const prepared = prepareDocument(await extractDocument(bytes, type.kind));
  return { pages: prepared.pageCount, chunks: prepared.chunks.length };
}

const loadAverageAtStart = loadavg();
// Warm-up: module loading, and starting the tesseract workers (about 1 s), are not per document.
for (const input of inputs) await runOnce(input.bytes, input.file);

const results = [];
for (const input of inputs) {
  const copies = input.copies ?? 1;
  const walls: number[] = [];
  let cpuMicros = 0;
  let shape = { pages: 0, chunks: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let copy = 0; copy < copies; copy++) shape = await runOnce(input.bytes, input.file);
    walls.push((performance.now() - started) / copies);
    const used = process.cpuUsage(cpu);
    cpuMicros += (used.user + used.system) / copies;
  }
  walls.sort((a, b) => a - b);
  const medianMs = walls[Math.floor(walls.length / 2)];
  const cpuSecondsPerDocument = cpuMicros / 1e6 / ROUNDS;
  results.push({
    format: input.name,
    bytes: input.bytes.length,
    pages: shape.pages,
    chunks: shape.chunks,
    medianMsPerDocument: Number(medianMs.toFixed(1)),
    pagesPerSecond: Number(((shape.pages * 1000) / medianMs).toFixed(1)),
    cpuSecondsPerPage: Number((cpuSecondsPerDocument / shape.pages).toFixed(4)),
    // Two extractor threads, one per free core, each busy with one document at a time.
    pagesPerSecondOnTwoFreeCores: Number(((2 * shape.pages) / cpuSecondsPerDocument).toFixed(1)),
  });
}
await closeOcrEngines();

const json = JSON.stringify(
  {
    benchmark: 'formats',
    date: new Date().toISOString(),
    rounds: ROUNDS,
    loadAverageAtStart,
    results,
    loadAverageAtEnd: loadavg(),
  },
  null,
  2,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/formats.json', `${json}\n`);
console.log(json);
