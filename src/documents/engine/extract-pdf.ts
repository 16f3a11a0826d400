import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { INGEST_LIMITS } from './limits.ts';
import { layoutPage, type PositionedText } from './pdf-layout.ts';
import {
  type ExtractedDocument,
  type ExtractedPage,
  ExtractionError,
  type ExtractionLimits,
  type ProgressListener,
} from './types.ts';

const PDFJS_DIR = new URL('../../../node_modules/pdfjs-dist/', import.meta.url);
const STANDARD_FONTS = fileURLToPath(new URL('standard_fonts/', PDFJS_DIR));
// CJK fonts with predefined CMaps (Identity-V, GBK-EUC-H, ...) yield no text without these.
const CMAPS = fileURLToPath(new URL('cmaps/', PDFJS_DIR));

export const MESSAGES = {
  password: 'This PDF is password-protected; remove the password and upload it again.',
  damaged: 'The PDF is damaged or incomplete and could not be read.',
  noText: 'No extractable text: this looks like a scanned document, and OCR is not supported.',
  unreadable:
    'The PDF has a text layer, but its fonts carry no usable character mapping, so the text comes out as ' +
    'symbols; export it again with embedded Unicode fonts (OCR is not supported).',
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
    flow.push({ str: item.str, x: e, y: f, width: item.width, size, rtl: item.dir === 'rtl' });
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
  const { maxPages, maxChars, timeBudgetMs } = { ...INGEST_LIMITS, ...limits };
  const deadline = performance.now() + timeBudgetMs;
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given; the caller keeps its own bytes intact.
    data: bytes.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw mapOpenError(error);
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount > maxPages) {
      throw new ExtractionError(
        'TOO_MANY_PAGES',
        `The PDF has ${pageCount} pages; the limit is ${maxPages} pages.`,
      );
    }
    const pages: ExtractedPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      if (performance.now() > deadline) {
        throw new ExtractionError(
          'TIME_BUDGET_EXCEEDED',
          `Reading the PDF took longer than ${Math.round(timeBudgetMs / 1000)} s (stopped at page ${n} of ${pageCount}).`,
        );
      }
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
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
        rotated,
      );
      page.cleanup();
      chars += layout.text.length;
      if (chars > maxChars) {
        throw new ExtractionError(
          'TOO_MUCH_TEXT',
          `The PDF holds more than ${maxChars.toLocaleString('en')} characters of text, over the limit.`,
        );
      }
      pages.push({ number: n, text: layout.text, lines: layout.lines, width: x1 - x0, height: y1 - y0 });
      onProgress?.({ page: n, pageCount });
    }
    const all = pages.map((p) => p.text).join('\n');
    if (all.trim() === '') throw new ExtractionError('NO_TEXT', MESSAGES.noText);
    if (usableShare(all) < 0.5) throw new ExtractionError('UNREADABLE_TEXT', MESSAGES.unreadable);
    const title = await readTitle(doc);
    return { kind: 'pdf', pages, pageCount, ...(title ? { title } : {}) };
  } finally {
    await doc.destroy();
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
