import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkPages } from '../../../src/documents/engine/chunk.ts';
import { extractDocx } from '../../../src/documents/engine/extract-docx.ts';
import { extractPdf } from '../../../src/documents/engine/extract-pdf.ts';
import { ExtractorPool } from '../../../src/documents/engine/extractor-pool.ts';
import { highlightsForRange, packLines, unpackLines } from '../../../src/documents/engine/highlights.ts';
import {
  closeOcrEngines,
  installedOcrLanguages,
  parseOcrLanguages,
} from '../../../src/documents/engine/ocr.ts';
import { chunkDocument, cleanDocument, prepareDocument } from '../../../src/documents/engine/prepare.ts';
import type { ExtractionProgress } from '../../../src/documents/engine/types.ts';
import {
  labelledPdf,
  outlinedPdf,
  REGISTER_HEAD,
  registerPdf,
  renderedBreaksDocx,
  scannedPdf,
} from '../../helpers/fidelity-fixtures.ts';

afterAll(closeOcrEngines);

const SCAN = ['Osmosis moves water across a membrane.', 'Diffusion spreads solutes evenly.'];

describe('OCR', () => {
  it('reads an image-only page, gives its lines boxes, and names the page that stays blank', async () => {
    const doc = await extractPdf(await scannedPdf([SCAN, []]));
    expect(doc.ocrPageCount).toBe(1);
    expect(doc.unreadablePages).toEqual([2]);
    expect(doc.warning).toBe('page 2 has no readable text, even with OCR.');
    const [page] = cleanDocument(doc);
    expect(page.text).toBe(SCAN.join(' '));
    const line = doc.pages[0].lines?.find((l) => l.text === SCAN[0]);
    // Typeset at x = 72 pt and baseline 700 pt of a 612 x 792 page (origin top-left once normalised).
    expect(line?.rect.x).toBeCloseTo(72 / 612, 1);
    expect(line!.rect.y + line!.rect.height).toBeCloseTo((792 - 700) / 792, 1);
    expect(line?.rect.width).toBeGreaterThan(0.3);
  });

  it('fails a document with no readable page, saying which pages and why', async () => {
    await expect(extractPdf(await scannedPdf([[], []]))).rejects.toMatchObject({
      code: 'NO_TEXT',
      message: expect.stringContaining('No readable text, even with OCR: pages 1–2'),
    });
    await expect(extractPdf(await scannedPdf([SCAN]), { ocr: false })).rejects.toMatchObject({
      code: 'NO_TEXT',
      message: expect.stringContaining('OCR is turned off'),
    });
  });

  it('runs in the extractor pool and reports the OCR stage per page', async () => {
    const pool = new ExtractorPool({ size: 1 });
    try {
      const progress: ExtractionProgress[] = [];
      const prepared = await pool.extractAndChunk(await scannedPdf([SCAN, SCAN]), 'pdf', {}, (p) =>
        progress.push(p),
      );
      expect(prepared.ocrPageCount).toBe(2);
      expect(progress.filter((p) => p.stage === 'OCR').map((p) => p.page)).toEqual([1, 2]);
      expect(prepared.chunks[0].lines.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('checks OCR_LANGUAGES against the installed language data', () => {
    expect(installedOcrLanguages()).toContain('eng');
    expect(parseOcrLanguages('eng')).toEqual(['eng']);
    expect(() => parseOcrLanguages('eng+xyz')).toThrow(
      'OCR_LANGUAGES names xyz, but no tesseract language data is installed for it: npm install @tesseract.js-data/xyz',
    );
  });
});

describe('page labels, headings and highlights', () => {
  it('gives chunks the printed labels: roman front matter, then arabic from 1', async () => {
    const text = (n: number) => [`Sentence of physical page ${n} about cell membranes and transport.`];
    const doc = await extractPdf(await labelledPdf(2, 3, text));
    expect(doc.pages.map((p) => p.label)).toEqual(['i', 'ii', '1', '2', '3']);
    const { chunks } = chunkDocument(doc, { targetTokens: 12, overlapRatio: 0 });
    const third = chunks.find((c) => c.text.includes('physical page 3 '));
    expect(third).toMatchObject({ pageStart: 3, pageLabelStart: '1' });
    expect(chunks.find((c) => c.text.includes('physical page 2 '))?.pageLabelStart).toBe('ii');
    // Without /PageLabels the label is the physical number.
    const plain = chunkDocument(await extractPdf(await outlinedPdf([{ title: 'A', lines: ['Only line.'] }])));
    expect(plain.chunks[0].pageLabelStart).toBe('1');
  });

  it('takes headings from the outline, and a new section starts a new chunk', async () => {
    const filler = Array.from(
      { length: 12 },
      (_, i) => `Stains make structure ${i} of the cell visible under light.`,
    );
    const doc = await extractPdf(
      await outlinedPdf([
        { title: 'Introduction', lines: filler },
        { title: 'Methods of Staining', lines: filler },
      ]),
    );
    expect(doc.pages[1].headings).toEqual([{ charStart: 0, level: 1, title: 'Methods of Staining' }]);
    const { chunks } = chunkDocument(doc, { targetTokens: 400 });
    expect(chunks.map((c) => c.headingPath)).toEqual([['Introduction'], ['Methods of Staining']]);
    expect(chunks[1].text.startsWith('Methods of Staining')).toBe(true);
  });

  it('finds headings by type size when there is no outline', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const page = pdf.addPage([612, 792]);
    let y = 740;
    const put = (text: string, size: number, f = font) => {
      page.drawText(text, { x: 72, y, size, font: f });
      y -= size * 1.5;
    };
    put('Membrane Transport', 18, bold);
    y -= 8;
    for (let i = 0; i < 8; i++) put(`Water crosses the membrane through channel proteins in case ${i}.`, 10);
    y -= 8;
    put('Active Transport', 14, bold);
    y -= 8;
    for (let i = 0; i < 8; i++) put(`Pumps spend ATP to move ions against their gradient in case ${i}.`, 10);
    const doc = await extractPdf(await pdf.save());
    expect(doc.pages[0].headings?.map((h) => [h.title, h.level])).toEqual([
      ['Membrane Transport', 1],
      ['Active Transport', 2],
    ]);
    const { chunks } = chunkDocument(doc, { targetTokens: 60, overlapRatio: 0 });
    expect(chunks.find((c) => c.text.includes('Pumps spend ATP'))?.headingPath).toEqual([
      'Membrane Transport',
      'Active Transport',
    ]);
  });

  it('maps a chunk to its line boxes and a quote to only its own, trimmed at its ends', async () => {
    const doc = await extractPdf(await labelledPdf(0, 1, () => SCAN));
    const prepared = prepareDocument(doc);
    const chunk = prepared.chunks[0];
    expect(chunk.text).toBe(SCAN.join(' '));
    expect(chunk.lines).toHaveLength(2);
    const [first, second] = chunk.lines;
    expect(chunk.text.slice(first.charStart, first.charEnd)).toBe(SCAN[0]);
    expect(chunk.text.slice(second.charStart, second.charEnd)).toBe(SCAN[1]);
    expect(second.y).toBeGreaterThan(first.y);
    // "water across" lies inside the first line: one box, narrower than the line and to the right of its start.
    const at = chunk.text.indexOf('water across');
    const [box, ...rest] = highlightsForRange(chunk.lines, at, at + 'water across'.length);
    expect(rest).toHaveLength(0);
    expect(box.page).toBe(1);
    expect(box.x).toBeGreaterThan(first.x + 0.05);
    expect(box.width).toBeLessThan(first.width / 2);
    // A quote over the line break gets both lines, each cut to the quote.
    const across = highlightsForRange(chunk.lines, at, chunk.text.indexOf('spreads') + 7);
    expect(across).toHaveLength(2);
    expect(across[1].width).toBeLessThan(second.width);
    expect(unpackLines(packLines(chunk.lines))).toEqual(chunk.lines);
  });
});

describe('exact cleaning', () => {
  it('drops a register’s running head and folios but keeps the first body line of every column', async () => {
    const { bytes, firstLines } = await registerPdf(6);
    const pages = cleanDocument(await extractPdf(bytes));
    const text = pages.map((p) => p.text).join('\n\n');
    for (const line of firstLines) expect(text).toContain(line);
    expect(text).not.toContain(REGISTER_HEAD);
    for (const page of pages) expect(page.text).not.toMatch(new RegExp(`(^|\\n)${page.number + 40}($|\\n)`));
  });

  it('keeps each row of an aligned PDF table on a line of its own', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([612, 792]);
    page.drawText('Cells contain organelles that each do one job, and the table lists them.', {
      x: 72,
      y: 720,
      size: 11,
      font,
    });
    const rows = [
      ['Organelle', 'Function', 'Size'],
      ['Nucleus', 'Holds the genome', '6 um'],
      ['Mitochondrion', 'Makes ATP', '1 um'],
    ];
    rows.forEach((r, i) => {
      r.forEach((c, j) => {
        page.drawText(c, { x: [72, 250, 420][j], y: 690 - i * 14, size: 11, font });
      });
    });
    const [cleaned] = cleanDocument(await extractPdf(await pdf.save()));
    const lines = cleaned.text.split(/\n+/);
    for (const row of rows) expect(lines).toContain(row.join(' '));
  });

  it('repeats a Word table’s header row in every chunk the table is cut into', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `Sample ${i} | Stained with dye number ${i} for an hour`,
    );
    const text = ['Organelle table follows.', ['Sample | Treatment', ...rows].join('\n')].join('\n\n');
    const chunks = chunkPages([{ number: 1, text }], { targetTokens: 60, overlapRatio: 0 });
    const parts = chunks.filter((c) => c.text.includes('Stained with dye'));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0].text).toContain('Organelle table follows.\n\nSample | Treatment\nSample 0 |');
    for (const part of parts.slice(1)) expect(part.text.split('\n')[0]).toBe('Sample | Treatment');
    // The span still points at the document text; only the header is added in front.
    expect(text.slice(parts[1].charStart, parts[1].charEnd)).toBe(
      parts[1].text.split('\n').slice(1).join('\n'),
    );
  });
});

describe('Word pages', () => {
  const PAGES = [
    ['The cell membrane is a lipid bilayer.', 'It controls what enters the cell.'],
    ['Proteins in the membrane act as channels and pumps for ions.', 'Some are receptors.'],
    ['Vesicles carry cargo to the membrane.'],
  ];

  it('numbers pages where Word rendered them, splitting a paragraph that runs over a break', async () => {
    const doc = await extractDocx(renderedBreaksDocx(PAGES, { splitAcross: 1 }));
    expect(doc).toMatchObject({ pageCount: 3, pageCountEstimated: false });
    expect(doc.pages[0].text).toBe(`${PAGES[0].join('\n\n')}\n\nProteins`);
    expect(doc.pages[1].text).toBe(
      'in the membrane act as channels and pumps for ions.\n\nSome are receptors.',
    );
    expect(doc.pages[2].text).toBe(PAGES[2][0]);
  });

  it('counts a manual page break once, and uses hard breaks when nothing was rendered', async () => {
    const both = await extractDocx(renderedBreaksDocx(PAGES, { hardBreaks: true }));
    expect(both.pages.map((p) => p.text)).toEqual(PAGES.map((p) => p.join('\n\n')));
    const hardOnly = await extractDocx(renderedBreaksDocx(PAGES, { hardBreaks: true, rendered: false }));
    expect(hardOnly).toMatchObject({ pageCount: 3, pageCountEstimated: false });
    const none = await extractDocx(renderedBreaksDocx(PAGES, { rendered: false }));
    expect(none).toMatchObject({ pageCount: 1, pageCountEstimated: true });
  });
});
