/**
 * OCR of the PDF pages whose text layer is missing or unusable: each is rendered at 300 dpi and recognised,
 * within a time budget of its own; what OCR could not read is named in a warning.
 */
import type * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OcrConfigError, type OcrEngine, ocrEngineFor } from './ocr.ts';
import { layoutOcrWords } from './ocr-layout.ts';
import { renderPageGrey } from './pdf-render.ts';
import { type ExtractedPage, ExtractionError, type OcrSettings, type ProgressListener } from './types.ts';

const OCR_DPI = 300;

/** "page 3", "pages 2, 5–7": physical page numbers for a person to look up. */
export function describePages(numbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    runs.push(j > i ? `${numbers[i]}–${numbers[j]}` : String(numbers[i]));
    i = j;
  }
  return `${numbers.length === 1 ? 'page' : 'pages'} ${runs.join(', ')}`;
}

export interface PageToRead {
  number: number;
  reason: 'no-text' | 'garbage';
}

export interface ScanOutcome {
  ocrPageCount: number;
  /** Pages left without text: no words even with OCR, or not reached in OCR's time. */
  unreadable: number[];
  timedOut: boolean;
  warning?: string;
}

export const NO_SCANS: ScanOutcome = { ocrPageCount: 0, unreadable: [], timedOut: false };

/** OCR of the pages that need it; their text counts towards the limit, and what it could not read is named. */
export async function readScans(
  doc: pdfjs.PDFDocumentProxy,
  pages: ExtractedPage[],
  toRead: PageToRead[],
  ocr: OcrSettings,
  countChars: (text: string) => void,
  onProgress?: ProgressListener,
): Promise<ScanOutcome> {
  const result = await ocrPages(doc, pages, toRead, ocr, onProgress);
  for (const n of result.read) countChars(pages[n - 1].text);
  const unreadable = [...result.unreadable, ...result.timedOut].sort((a, b) => a - b);
  return {
    ocrPageCount: result.read.length,
    unreadable,
    timedOut: result.timedOut.length > 0,
    warning: ocrWarning(result, ocr.timeBudgetMs),
  };
}

function ocrWarning(result: OcrOutcome, timeBudgetMs: number): string | undefined {
  const stopped =
    result.timedOut.length > 0
      ? `OCR stopped after ${Math.round(timeBudgetMs / 1000)} s: ${describePages(result.timedOut)} were not read.`
      : undefined;
  const blank = result.unreadable;
  if (blank.length === 0) return stopped;
  const note = `${describePages(blank)} ${blank.length === 1 ? 'has' : 'have'} no readable text, even with OCR.`;
  return stopped ? `${note} ${stopped}` : note;
}

interface OcrOutcome {
  read: number[];
  unreadable: number[];
  timedOut: number[];
}

/**
 * Renders each page that needs it and recognises it; up to `workers` pages are in tesseract at once, the
 * next one rendering meanwhile. A page that gives no words keeps its (empty or garbage-free) text and is
 * reported, so the rest of the document still counts.
 */
async function ocrPages(
  doc: pdfjs.PDFDocumentProxy,
  pages: ExtractedPage[],
  toRead: PageToRead[],
  settings: OcrSettings,
  onProgress?: ProgressListener,
): Promise<OcrOutcome> {
  let engine: OcrEngine;
  try {
    engine = ocrEngineFor(settings.languages, settings.workers);
  } catch (error) {
    if (error instanceof OcrConfigError) throw new ExtractionError('OCR_UNAVAILABLE', error.message);
    throw error;
  }
  const deadline = performance.now() + settings.timeBudgetMs;
  const outcome: OcrOutcome = { read: [], unreadable: [], timedOut: [] };
  let next = 0;
  let done = 0;
  const readOne = async (target: PageToRead) => {
    const page = await doc.getPage(target.number);
    const rendered = await renderPageGrey(page, OCR_DPI);
    page.cleanup();
    const result = await engine.recognizeImage(rendered.image);
    const viewport = page.getViewport({ scale: 1 });
    const layout = layoutOcrWords(result.words, rendered, viewport);
    const extracted = pages[target.number - 1];
    if (layout.text.trim() === '') {
      // A garbage text layer is worth nothing either way: the page is unreadable.
      Object.assign(extracted, { text: '', lines: [] });
      outcome.unreadable.push(target.number);
      return;
    }
    Object.assign(extracted, {
      text: layout.text,
      lines: layout.lines,
      width: viewport.width,
      height: viewport.height,
      ocr: true,
    });
    outcome.read.push(target.number);
  };
  const lane = async () => {
    while (next < toRead.length) {
      const target = toRead[next++];
      if (performance.now() > deadline) {
        outcome.timedOut.push(target.number);
        pages[target.number - 1].text = '';
        pages[target.number - 1].lines = [];
        continue;
      }
      await readOne(target);
      onProgress?.({ page: ++done, pageCount: toRead.length, stage: 'OCR' });
    }
  };
  await Promise.all(Array.from({ length: Math.min(toRead.length, Math.max(1, settings.workers)) }, lane));
  outcome.read.sort((a, b) => a - b);
  outcome.unreadable.sort((a, b) => a - b);
  outcome.timedOut.sort((a, b) => a - b);
  return outcome;
}
