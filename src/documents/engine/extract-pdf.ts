import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { INGEST_LIMITS } from './limits.ts';
import { headingsFromOutline, headingsFromType, type OutlineEntry } from './pdf-headings.ts';
import { layoutPage, type PositionedText } from './pdf-layout.ts';
import { describePages, NO_SCANS, type PageToRead, readScans, type ScanOutcome } from './pdf-ocr.ts';
import {
  type Box,
  type ExtractedDocument,
  type ExtractedPage,
  ExtractionError,
  type ExtractionLimits,
  type OcrSettings,
  type ProgressListener,
  type Rect,
} from './types.ts';

const PDFJS_DIR = new URL('../../../node_modules/pdfjs-dist/', import.meta.url);
const STANDARD_FONTS = fileURLToPath(new URL('standard_fonts/', PDFJS_DIR));
// CJK fonts with predefined CMaps (Identity-V, GBK-EUC-H, ...) yield no text without these.
const CMAPS = fileURLToPath(new URL('cmaps/', PDFJS_DIR));
// JPEG 2000 and JBIG2 scans decode with these when a page is rendered for OCR.
const WASM = fileURLToPath(new URL('wasm/', PDFJS_DIR));

export const MESSAGES = {
  password: 'This PDF is password-protected; remove the password and upload it again.',
  damaged: 'The PDF is damaged or incomplete and could not be read.',
  noTextOcrOff:
    'No extractable text: this looks like a scanned document, and OCR is turned off on this server (OCR=off).',
  unreadable:
    'The PDF has a text layer, but its fonts carry no usable character mapping, so the text comes out as ' +
    'symbols; export it again with embedded Unicode fonts (OCR is turned off on this server).',
} as const;

function mapOpenError(error: unknown): ExtractionError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ExtractionError('PASSWORD_PROTECTED', MESSAGES.password);
  return new ExtractionError('DAMAGED', MESSAGES.damaged);
}

/**
 * pdf.js reports each run with a transform; horizontal runs go through layout, anything rotated (margin
 * stamps, vertical writing) is kept as plain text.
 */
function splitItems(items: unknown[]): { flow: PositionedText[]; rotated: string[] } {
  const flow: PositionedText[] = [];
  const rotated: string[] = [];
  for (const raw of items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string' || item.str === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const horizontal = a > 0 && Math.abs(b) < 1e-3 * a && Math.abs(c) < 1e-3 * a;
    if (!horizontal) {
      rotated.push(item.str);
      continue;
    }
    const size = item.height > 0 ? item.height : Math.abs(d);
    flow.push({
      str: item.str,
      x: e,
      y: f,
      width: item.width,
      size,
      rtl: item.dir === 'rtl',
      font: item.fontName,
    });
  }
  return { flow, rotated };
}

// Letters, marks and digits are "usable"; control, private-use and replacement characters are not.
function usableShare(text: string): number {
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return 1;
  const bad = visible.match(/[\p{Cc}\p{Co}\p{Cs}\uFFFD]/gu)?.length ?? 0;
  return 1 - bad / visible.length;
}

export async function extractPdf(
  bytes: Uint8Array,
  limits: ExtractionLimits = {},
  onProgress?: ProgressListener,
): Promise<ExtractedDocument> {
  const { maxPages, maxChars, timeBudgetMs, ocr } = { ...INGEST_LIMITS, ...limits };
  const deadline = performance.now() + timeBudgetMs;
  const doc = await openPdf(bytes);
  try {
    const pageCount = doc.numPages;
    if (pageCount > maxPages) {
      throw new ExtractionError(
        'TOO_MANY_PAGES',
        `The PDF has ${pageCount} pages; the limit is ${maxPages} pages.`,
      );
    }
    const countChars = charCounter(maxChars);
    const { pages, toRead } = await readTextLayers(
      doc,
      { ocr, deadline, timeBudgetMs, countChars },
      onProgress,
    );
    const scans =
      ocr && toRead.length > 0 ? await readScans(doc, pages, toRead, ocr, countChars, onProgress) : NO_SCANS;
    assertReadable(pages, ocr, scans);
    await markHeadings(doc, pages);
    const title = await readTitle(doc);
    return {
      kind: 'pdf',
      pages,
      pageCount,
      ocrPageCount: scans.ocrPageCount,
      ...(scans.unreadable.length > 0 ? { unreadablePages: scans.unreadable } : {}),
      ...(scans.warning ? { warning: scans.warning } : {}),
      ...(title ? { title } : {}),
    };
  } finally {
    await doc.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<pdfjs.PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given; the caller keeps its own bytes intact.
    data: bytes.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    wasmUrl: WASM,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw mapOpenError(error);
  }
}

/** Adds up the characters of text kept so far and stops the extraction at the limit. */
function charCounter(maxChars: number): (text: string) => void {
  let chars = 0;
  return (text) => {
    chars += text.length;
    if (chars > maxChars) {
      throw new ExtractionError(
        'TOO_MUCH_TEXT',
        `The PDF holds more than ${maxChars.toLocaleString('en')} characters of text, over the limit.`,
      );
    }
  };
}

interface TextLayerBudget {
  ocr: OcrSettings | false;
  deadline: number;
  timeBudgetMs: number;
  countChars: (text: string) => void;
}

/**
 * Every page's text layer, laid out into lines, and the pages OCR is to read instead: those with no text
 * that draw an image (scans), and those whose text is mostly unusable characters. Only the text kept
 * counts towards the character limit.
 */
async function readTextLayers(
  doc: pdfjs.PDFDocumentProxy,
  { ocr, deadline, timeBudgetMs, countChars }: TextLayerBudget,
  onProgress?: ProgressListener,
): Promise<{ pages: ExtractedPage[]; toRead: PageToRead[] }> {
  const pageCount = doc.numPages;
  const labels = await readPageLabels(doc, pageCount);
  const pages: ExtractedPage[] = [];
  const toRead: PageToRead[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (performance.now() > deadline) {
      throw new ExtractionError(
        'TIME_BUDGET_EXCEEDED',
        `Reading the PDF took longer than ${Math.round(timeBudgetMs / 1000)} s (stopped at page ${n} of ${pageCount}).`,
      );
    }
    const { page, extracted } = await readTextLayer(doc, n, labels);
    if (ocr && extracted.text.trim() === '' && (await paintsImages(page)))
      toRead.push({ number: n, reason: 'no-text' });
    else if (ocr && usableShare(extracted.text) < 0.5) toRead.push({ number: n, reason: 'garbage' });
    else countChars(extracted.text);
    page.cleanup();
    pages.push(extracted);
    onProgress?.({ page: n, pageCount });
  }
  return { pages, toRead };
}

async function readTextLayer(
  doc: pdfjs.PDFDocumentProxy,
  n: number,
  labels: string[] | undefined,
): Promise<{ page: PDFPageProxy; extracted: ExtractedPage }> {
  let page: PDFPageProxy;
  let content: Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
  try {
    page = await doc.getPage(n);
    content = await page.getTextContent();
  } catch {
    throw new ExtractionError('DAMAGED', MESSAGES.damaged);
  }
  const [x0, y0, x1, y1] = page.view;
  const { flow, rotated } = splitItems(content.items);
  const layout = layoutPage(
    flow.map((i) => ({ ...i, x: i.x - x0, y: i.y - y0 })),
    x1 - x0,
    textLayerRect(page),
    rotated,
  );
  const extracted: ExtractedPage = {
    number: n,
    text: layout.text,
    lines: layout.lines,
    width: x1 - x0,
    height: y1 - y0,
    ...(labels ? { label: labels[n - 1] } : {}),
  };
  return { page, extracted };
}

/** A document with no text at all, or mostly symbols, is refused with the reason. */
function assertReadable(pages: ExtractedPage[], ocr: OcrSettings | false, scans: ScanOutcome) {
  const all = pages.map((p) => p.text).join('\n');
  if (all.trim() === '') {
    if (!ocr) throw new ExtractionError('NO_TEXT', MESSAGES.noTextOcrOff);
    if (scans.unreadable.length > 0) {
      throw new ExtractionError(
        'NO_TEXT',
        `No readable text, even with OCR: ${describePages(scans.unreadable)} ${scans.timedOut ? `could not be read (${scans.warning})` : 'gave no words (a blank, faint or non-text scan)'}.`,
      );
    }
    throw new ExtractionError('NO_TEXT', 'No extractable text: the PDF has no text and no scanned pages.');
  }
  if (usableShare(all) < 0.5) throw new ExtractionError('UNREADABLE_TEXT', MESSAGES.unreadable);
}

/** Headings from the bookmarks when the file has them, else from type size and weight. */
async function markHeadings(doc: pdfjs.PDFDocumentProxy, pages: ExtractedPage[]) {
  const outline = await readOutline(doc);
  if (outline.length > 0) headingsFromOutline(pages, outline);
  else headingsFromType(pages);
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

/** Layout boxes of the text layer (page space less the view box origin) onto the displayed page, 0..1. */
function textLayerRect(page: PDFPageProxy): (box: Box) => Rect {
  const viewport = page.getViewport({ scale: 1 });
  const [vx, vy] = page.view;
  return (box) => {
    const [a, b, c, d] = viewport.convertToViewportRectangle([
      box.x + vx,
      box.y + vy,
      box.x + box.width + vx,
      box.y + box.height + vy,
    ]);
    const x = round(Math.min(a, c) / viewport.width);
    const y = round(Math.min(b, d) / viewport.height);
    return {
      x,
      y,
      width: round(Math.max(a, c) / viewport.width) - x,
      height: round(Math.max(b, d) / viewport.height) - y,
    };
  };
}

const PAINT_IMAGE = new Set([
  pdfjs.OPS.paintImageXObject,
  pdfjs.OPS.paintInlineImageXObject,
  pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat,
  pdfjs.OPS.paintInlineImageXObjectGroup,
  pdfjs.OPS.paintImageMaskXObjectGroup,
  pdfjs.OPS.paintImageMaskXObjectRepeat,
  pdfjs.OPS.paintSolidColorImageMask,
]);

/** A page with no text is worth OCR only when it draws an image (a scan); a blank page is just blank. */
async function paintsImages(page: PDFPageProxy): Promise<boolean> {
  try {
    const ops = await page.getOperatorList();
    return ops.fnArray.some((fn) => PAINT_IMAGE.has(fn));
  } catch {
    return true;
  }
}

/** Printed labels (/PageLabels), or undefined when the file has none or they say nothing new. */
async function readPageLabels(doc: pdfjs.PDFDocumentProxy, pageCount: number): Promise<string[] | undefined> {
  try {
    const labels = await doc.getPageLabels();
    if (!labels || labels.length !== pageCount) return undefined;
    return labels.map((l, i) => (l?.trim() ? l.trim() : String(i + 1)));
  } catch {
    return undefined;
  }
}

type OutlineNode = { title: string; dest: string | unknown[] | null; items: OutlineNode[] };

/** Bookmarks with a destination inside the document, depth first, at most 5,000. */
async function readOutline(doc: pdfjs.PDFDocumentProxy): Promise<OutlineEntry[]> {
  let roots: OutlineNode[] | null;
  try {
    roots = (await doc.getOutline()) as OutlineNode[] | null;
  } catch {
    return [];
  }
  const entries: OutlineEntry[] = [];
  const visit = async (nodes: OutlineNode[], level: number) => {
    for (const node of nodes) {
      if (entries.length >= 5_000) return;
      const entry = await resolveEntry(doc, node, level);
      if (entry) entries.push(entry);
      if (node.items?.length) await visit(node.items, level + 1);
    }
  };
  await visit(roots ?? [], 1);
  return entries;
}

async function resolveEntry(
  doc: pdfjs.PDFDocumentProxy,
  node: OutlineNode,
  level: number,
): Promise<OutlineEntry | undefined> {
  try {
    const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
    if (!Array.isArray(dest) || dest.length === 0 || !node.title?.trim()) return undefined;
    const [ref, kind, ...args] = dest as [unknown, { name?: string } | undefined, ...unknown[]];
    const index =
      typeof ref === 'number' ? ref : await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0]);
    const name = kind?.name;
    const topArg = name === 'XYZ' ? args[1] : name === 'FitH' || name === 'FitBH' ? args[0] : undefined;
    const page = await doc.getPage(index + 1);
    const top = typeof topArg === 'number' ? topArg - page.view[1] : undefined;
    return { title: node.title, level, page: index + 1, ...(top !== undefined ? { top } : {}) };
  } catch {
    return undefined;
  }
}

async function readTitle(doc: pdfjs.PDFDocumentProxy): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}
