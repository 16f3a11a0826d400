/**
 * OCR with tesseract.js, entirely offline: the wasm core comes from the installed `tesseract.js-core`, the
 * language data from installed `@tesseract.js-data/<code>` packages, and nothing is fetched or cached on
 * disk at run time. Recognition runs in tesseract.js's own worker threads (one per `workers`), started on
 * first use and stopped after a quiet minute; within the extractor pool those threads belong to the
 * extractor thread, so OCR never runs on the API's event loop.
 *
 * `recognizeImage` takes any image file bytes tesseract reads (PNG, JPEG, TIFF, BMP, PNM), so photos can
 * use the same path as rendered PDF pages.
 */
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createScheduler, createWorker, OEM, type Scheduler } from 'tesseract.js';

const require = createRequire(import.meta.url);
const IDLE_MS = 60_000;

/** A recognised word in image pixels, origin top-left; `baseline` is the y of its line's baseline there. */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  baseline: number;
  /** Height of the word's text row (ascender to descender) in pixels: its font size. */
  size: number;
  confidence: number;
}

export interface OcrResult {
  width: number;
  height: number;
  words: OcrWord[];
  text: string;
  confidence: number;
}

export class OcrConfigError extends Error {}

/** Language codes whose data package is installed beside tesseract.js. */
export function installedOcrLanguages(): string[] {
  const found = new Set<string>();
  for (const dir of require.resolve.paths('@tesseract.js-data/eng') ?? []) {
    const scope = join(dir, '@tesseract.js-data');
    if (!existsSync(scope)) continue;
    for (const name of readdirSync(scope)) if (existsSync(join(scope, name, 'package.json'))) found.add(name);
  }
  return [...found].sort();
}

/**
 * Checks an `OCR_LANGUAGES` value ("eng", "eng+deu") against the installed data packages and returns its
 * codes; throws OcrConfigError with the install command for a missing one.
 */
export function parseOcrLanguages(value: string): string[] {
  const codes = value
    .split(/[+,\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0)
    throw new OcrConfigError('OCR_LANGUAGES is empty: name at least one language, e.g. eng');
  const installed = installedOcrLanguages();
  const missing = codes.filter((c) => !/^[a-z_]{3,10}$/i.test(c) || !installed.includes(c));
  if (missing.length > 0) {
    throw new OcrConfigError(
      `OCR_LANGUAGES names ${missing.join(', ')}, but no tesseract language data is installed for ` +
        `${missing.length === 1 ? 'it' : 'them'}: npm install ${missing.map((c) => `@tesseract.js-data/${c}`).join(' ')} ` +
        `(installed: ${installed.join(', ') || 'none'}).`,
    );
  }
  return codes;
}

/**
 * The directory tesseract.js reads `<code>.traineddata.gz` from. Each data package has its own, and
 * tesseract.js takes one for all languages, so several languages are linked into one directory (a
 * `{ code, data }` language object would avoid that, but tesseract.js 7 initialises with its data, not
 * its code).
 */
function languageDirectory(codes: string[]): string {
  const dirs = codes.map((code) => {
    const pkg = require(`@tesseract.js-data/${code}`) as { langPath: string; gzip?: boolean };
    if (pkg.gzip === false) throw new OcrConfigError(`@tesseract.js-data/${code} ships uncompressed data`);
    return pkg.langPath;
  });
  if (new Set(dirs).size === 1) return dirs[0];
  const joined = mkdtempSync(join(tmpdir(), 'studyroom-tessdata-'));
  codes.forEach((code, i) => {
    symlinkSync(join(dirs[i], `${code}.traineddata.gz`), join(joined, `${code}.traineddata.gz`));
  });
  return joined;
}

/** Where the installed tesseract.js keeps its wasm core and its node worker script. */
function tesseractPaths() {
  return {
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    workerPath: join(
      dirname(require.resolve('tesseract.js/package.json')),
      'src/worker-script/node/index.js',
    ),
  };
}

interface TesseractLine {
  baseline: { x0: number; y0: number; x1: number; y1: number };
  rowAttributes: { rowHeight: number };
  bbox: { x0: number; y0: number; x1: number; y1: number };
  words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[];
}

function wordsOf(blocks: unknown): OcrWord[] {
  const words: OcrWord[] = [];
  const lines = ((blocks ?? []) as { paragraphs: { lines: TesseractLine[] }[] }[]).flatMap((b) =>
    b.paragraphs.flatMap((p) => p.lines),
  );
  for (const line of lines) {
    const { x0, y0, x1, y1 } = line.baseline;
    const slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
    const rowHeight = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
    for (const w of line.words) {
      const text = w.text.trim();
      // Tesseract reports specks and rules as words of low confidence made of punctuation.
      if (!text || (w.confidence < 30 && !/[\p{L}\p{N}]/u.test(text))) continue;
      const mid = (w.bbox.x0 + w.bbox.x1) / 2;
      words.push({
        text,
        ...w.bbox,
        baseline: y0 + slope * (mid - x0),
        size: rowHeight,
        confidence: w.confidence,
      });
    }
  }
  return words;
}

/** A lazily started set of tesseract.js workers for one language set. */
export class OcrEngine {
  private readonly languages: string[];
  private readonly workers: number;
  private scheduler?: Promise<Scheduler>;
  private idle?: NodeJS.Timeout;
  private busy = 0;

  constructor(options: { languages: string[]; workers: number }) {
    this.languages = options.languages;
    this.workers = Math.max(1, options.workers);
  }

  /** Recognises one image (encoded file bytes). */
  async recognizeImage(image: Uint8Array): Promise<OcrResult> {
    this.busy++;
    clearTimeout(this.idle);
    try {
      const scheduler = await this.start();
      // tesseract.js copies the bytes into its wasm file system; a Buffer view avoids another copy.
      const buffer = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      const { data } = await scheduler.addJob('recognize', buffer, {}, { text: true, blocks: true });
      const words = wordsOf(data.blocks);
      const size = imageSize(image);
      return { ...size, words, text: data.text, confidence: data.confidence };
    } finally {
      if (--this.busy === 0) {
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const scheduler = this.scheduler;
    this.scheduler = undefined;
    if (scheduler) await (await scheduler.catch(() => undefined))?.terminate();
  }

  private start(): Promise<Scheduler> {
    this.scheduler ??= (async () => {
      const langPath = languageDirectory(this.languages);
      const scheduler = createScheduler();
      const options = { ...tesseractPaths(), langPath, cacheMethod: 'none', gzip: true };
      const workers = await Promise.all(
        Array.from({ length: this.workers }, () =>
          createWorker(this.languages.join('+'), OEM.LSTM_ONLY, options),
        ),
      );
      for (const worker of workers) {
        // Inverted-text retries double the time on dark figures and rarely find words in course material.
        await worker.setParameters({ tessedit_do_invert: '0' as never });
        scheduler.addWorker(worker);
      }
      return scheduler;
    })();
    this.scheduler.catch(() => {
      this.scheduler = undefined;
    });
    return this.scheduler;
  }
}

/** Width and height of a PNG, PNM or JPEG from its header, for normalising word boxes. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0x50 && bytes[1] >= 0x31 && bytes[1] <= 0x36) {
    const header = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/#[^\n]*\n/g, ' ');
    const [, w, h] = header.split(/\s+/);
    return { width: Number(w), height: Number(h) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length; ) {
      if (bytes[i] !== 0xff) break;
      const marker = bytes[i + 1];
      const length = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  }
  return { width: 0, height: 0 };
}

const engines = new Map<string, OcrEngine>();

/** One engine per language set and worker count in this thread, shared by every document it reads. */
export function ocrEngineFor(languages: string, workers: number): OcrEngine {
  const key = `${languages}/${workers}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = new OcrEngine({ languages: parseOcrLanguages(languages), workers });
    engines.set(key, engine);
  }
  return engine;
}

/** Stops every OCR worker of this thread (tests and benchmarks that run extraction in-process). */
export async function closeOcrEngines(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  await Promise.all(all.map((e) => e.close()));
}
