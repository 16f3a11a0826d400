/**
 * Fixtures for source fidelity, built from scratch so a fresh clone exercises every path: an image-only
 * "scan" with known text, printed page labels, a two-column register, an outline, Word page breaks.
 */
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, type PDFPage, PDFString, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildZip, MINIMAL_DOCX_XML } from '../unit/ingest/fixtures.ts';

/** Renders each page of a PDF to a PNG with pdf.js on @napi-rs/canvas. */
async function rasterise(bytes: Uint8Array, dpi: number): Promise<Uint8Array[]> {
  const doc = await pdfjs.getDocument({ data: bytes, disableFontFace: true, verbosity: 0 }).promise;
  const images: Uint8Array[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvasContext: context as unknown as CanvasRenderingContext2D,
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport,
    }).promise;
    images.push(new Uint8Array(await canvas.encode('png')));
  }
  await doc.destroy();
  return images;
}

/**
 * A scanned document: the lines are typeset, rasterised to PNG at `dpi`, and each page of the result holds
 * only that image (no text layer). `blank` pages (1-based) get an image of nothing.
 */
export async function scannedPdf(
  pages: string[][],
  options: { dpi?: number; fontSize?: number } = {},
): Promise<Uint8Array> {
  const typeset = await PDFDocument.create();
  const font = await typeset.embedFont(StandardFonts.Helvetica);
  const size = options.fontSize ?? 14;
  for (const lines of pages) {
    const page = typeset.addPage([612, 792]);
    lines.forEach((line, i) => {
      page.drawText(line, { x: 72, y: 700 - i * size * 1.8, size, font });
    });
  }
  const images = await rasterise(await typeset.save(), options.dpi ?? 200);
  const scan = await PDFDocument.create();
  for (const png of images) {
    const image = await scan.embedPng(png);
    scan.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  return scan.save();
}

/**
 * Front matter with roman labels, then the body from "1": /PageLabels { 0: r, front } and arabic after.
 * Page n carries `pageText(n)`.
 */
export async function labelledPdf(
  frontPages: number,
  bodyPages: number,
  pageText: (n: number) => string[],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= frontPages + bodyPages; n++) {
    const page = pdf.addPage([612, 792]);
    pageText(n).forEach((line, i) => {
      page.drawText(line, { x: 72, y: 700 - i * 18, size: 11, font });
    });
  }
  setPageLabels(pdf, frontPages);
  return pdf.save();
}

/** /PageLabels: the first `frontPages` pages numbered i, ii, ..., the rest 1, 2, 3, ... */
export function setPageLabels(pdf: PDFDocument, frontPages: number) {
  const labels = pdf.context.obj({
    Nums: [0, pdf.context.obj({ S: PDFName.of('r') }), frontPages, pdf.context.obj({ S: PDFName.of('D') })],
  });
  pdf.catalog.set(PDFName.of('PageLabels'), labels);
}

export const REGISTER_HEAD = 'Coastal Register of Lights';

/**
 * A two-column register: a running head and a folio on every page, and both columns open with a
 * sentence that repeats on every page except for its digits ("The lighthouse of Shoal 3 was founded ...").
 * Body lines are set at the body's own leading, so only their position tells them from the running head.
 */
export async function registerPdf(pages: number): Promise<{ bytes: Uint8Array; firstLines: string[] }> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const firstLines: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(REGISTER_HEAD, { x: 230, y: 750, size: 10, font });
    page.drawText(String(n + 40), { x: 300, y: 36, size: 10, font });
    for (const [column, x] of [
      [0, 54],
      [1, 320],
    ] as const) {
      const shoal = n * 2 + column;
      const first = `The lighthouse of Shoal ${shoal} was founded in ${1800 + shoal}.`;
      firstLines.push(first);
      const body = [
        first,
        `Its keeper logged ${shoal * 3} storms in the first decade of`,
        `service, and the lamp was rebuilt after the gale of ${1850 + shoal}.`,
        `Ships passing Shoal ${shoal} report its light at twelve miles.`,
        'The tower is of granite and stands on a rock ledge that the',
        'sea covers at the highest spring tides of the year.',
      ];
      body.forEach((line, i) => {
        page.drawText(line, { x, y: 712 - i * 12, size: 10, font });
      });
    }
  }
  return { bytes: await pdf.save(), firstLines };
}

/** A PDF whose bookmarks name its sections; each section has a heading line set in the body's font. */
export async function outlinedPdf(sections: { title: string; lines: string[] }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages: PDFPage[] = [];
  for (const section of sections) {
    const page = pdf.addPage([612, 792]);
    pages.push(page);
    page.drawText(section.title, { x: 72, y: 720, size: 11, font });
    section.lines.forEach((line, i) => {
      page.drawText(line, { x: 72, y: 690 - i * 14, size: 11, font });
    });
  }
  const outlineRef = pdf.context.nextRef();
  const itemRefs = sections.map(() => pdf.context.nextRef());
  sections.forEach((section, i) => {
    const item = pdf.context.obj({
      Title: PDFString.of(section.title),
      Parent: outlineRef,
      Dest: [pages[i].ref, PDFName.of('XYZ'), 72, 732, null],
      ...(i > 0 ? { Prev: itemRefs[i - 1] } : {}),
      ...(i < sections.length - 1 ? { Next: itemRefs[i + 1] } : {}),
    });
    pdf.context.assign(itemRefs[i], item);
  });
  pdf.context.assign(
    outlineRef,
    pdf.context.obj({
      Type: PDFName.of('Outlines'),
      First: itemRefs[0],
      Last: itemRefs[itemRefs.length - 1],
      Count: sections.length,
    }),
  );
  pdf.catalog.set(PDFName.of('Outlines'), outlineRef);
  return pdf.save();
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A Word file as Word saves it: `pages[n]` are the paragraphs Word laid out on page n + 1, with a
 * `w:lastRenderedPageBreak` where each page begins; `splitAcross` (0-based page) makes the first paragraph
 * of that page start on the page before, so Word's break falls inside it. `hardBreaks` adds a
 * `w:br w:type="page"` before each rendered break, as Word writes for a manual page break.
 */
export function renderedBreaksDocx(
  pages: string[][],
  options: { splitAcross?: number; hardBreaks?: boolean; rendered?: boolean } = {},
): Uint8Array {
  const rendered = options.rendered ?? true;
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const breakRun = (hard: boolean) =>
    `<w:r>${hard ? '<w:br w:type="page"/>' : ''}${rendered ? '<w:lastRenderedPageBreak/>' : ''}</w:r>`;
  let body = '';
  pages.forEach((paragraphs, p) => {
    paragraphs.forEach((text, i) => {
      const opensPage = p > 0 && i === 0;
      if (opensPage && options.splitAcross === p) {
        // The paragraph starts at the end of the previous page and Word broke the page after its first words.
        const [head, ...rest] = text.split(' ');
        body += `<w:p>${run(`${head} `)}${breakRun(false)}${run(rest.join(' '))}</w:p>`;
      } else if (opensPage) {
        body += `<w:p>${breakRun(options.hardBreaks ?? false)}${run(text)}</w:p>`;
      } else body += `<w:p>${run(text)}</w:p>`;
    });
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const enc = new TextEncoder();
  return buildZip([
    { name: '[Content_Types].xml', data: enc.encode(MINIMAL_DOCX_XML.contentTypes) },
    { name: '_rels/.rels', data: enc.encode(MINIMAL_DOCX_XML.rels) },
    { name: 'word/document.xml', data: enc.encode(xml) },
  ]);
}
