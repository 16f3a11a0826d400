import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { chunkPages } from '../../../src/documents/engine/chunk.ts';
import { cleanPages } from '../../../src/documents/engine/clean.ts';
import { extractPdf } from '../../../src/documents/engine/extract-pdf.ts';
import { ExtractionError } from '../../../src/documents/engine/types.ts';

const LEFT = [
  'Photosynthesis converts light energy into chemical energy.',
  'Chlorophyll absorbs mostly red and blue light.',
  'The Calvin cycle fixes carbon dioxide into sugars.',
  'Stomata regulate the exchange of gases with the air.',
  'Water is split to release oxygen as a by-product.',
];
const RIGHT = [
  'Cellular respiration releases energy stored in glucose.',
  'Glycolysis happens in the cytoplasm of the cell.',
  'The Krebs cycle runs inside the mitochondrial matrix.',
  'Oxidative phosphorylation produces most of the ATP.',
  'Fermentation lets cells make ATP without oxygen.',
];

async function twoColumnPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([612, 792]);
  page.drawText('Energy in Living Cells', { x: 180, y: 740, size: 20, font });
  // Same baselines in both columns: a naive top-to-bottom reading would interleave them.
  for (const [i, s] of LEFT.entries())
    page.drawText(s, { x: 50, y: 680 - i * 14, size: 10, font, maxWidth: 240 });
  for (const [i, s] of RIGHT.entries())
    page.drawText(s, { x: 320, y: 680 - i * 14, size: 10, font, maxWidth: 240 });
  return pdf.save();
}

const FACTS = [
  'The mitochondrion is the site of aerobic respiration.',
  'Ribosomes translate messenger RNA into proteins.',
  'The Golgi apparatus packages proteins for secretion.',
  'Lysosomes contain enzymes that digest cellular waste.',
];

async function bookPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([612, 792]);
    page.drawText('Introduction to Cell Biology - Course Reader', { x: 50, y: 760, size: 9, font });
    page.drawText(FACTS[(n - 1) % FACTS.length], { x: 50, y: 700, size: 11, font });
    page.drawText(`This filler sentence belongs to page number ${n} only.`, {
      x: 50,
      y: 680,
      size: 11,
      font,
    });
    page.drawText(`Page ${n} of ${pages}`, { x: 280, y: 30, size: 9, font });
  }
  return pdf.save();
}

describe('extractPdf', () => {
  it('reads a two-column page column by column, title first', async () => {
    const doc = await extractPdf(await twoColumnPdf());
    const text = doc.pages[0].text;
    const positions = [...LEFT, ...RIGHT].map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // Strictly increasing: all of column 1, then all of column 2.
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text.indexOf('Energy in Living Cells')).toBe(0);
  });

  it('keeps a box and char offsets for every line', async () => {
    const doc = await extractPdf(await twoColumnPdf());
    const page = doc.pages[0];
    expect(page.width).toBe(612);
    const line = page.lines?.find((l) => l.text === RIGHT[2]);
    expect(line).toBeDefined();
    expect(page.text.slice(line!.charStart, line!.charEnd)).toBe(RIGHT[2]);
    expect(line!.box.x).toBeCloseTo(320, 0);
    expect(line!.box.y).toBeGreaterThan(680 - 2 * 14 - 4);
    expect(line!.box.y).toBeLessThan(680 - 2 * 14 + 1);
    expect(line!.box.height).toBeGreaterThan(8);
  });

  it('puts each sentence on its page and removes running heads and page numbers', async () => {
    const doc = await extractPdf(await bookPdf(8));
    expect(doc.pageCount).toBe(8);
    const pages = cleanPages(doc.pages);
    for (const page of pages) {
      expect(page.text).not.toContain('Course Reader');
      expect(page.text).not.toMatch(/Page \d+ of 8/);
      expect(page.text).toContain(`page number ${page.number} only`);
    }
    const chunks = chunkPages(pages, { targetTokens: 40, overlapRatio: 0 });
    for (let n = 1; n <= 8; n++) {
      const chunk = chunks.find((c) => c.text.includes(`page number ${n} only`));
      expect(chunk, `chunk for page ${n}`).toBeDefined();
      expect(chunk!.pageStart).toBeLessThanOrEqual(n);
      expect(chunk!.pageEnd).toBeGreaterThanOrEqual(n);
    }
  });

  it('reports progress per page and enforces page and character limits', async () => {
    const bytes = await bookPdf(5);
    const seen: number[] = [];
    await extractPdf(bytes, {}, (p) => seen.push(p.page));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await expect(extractPdf(bytes, { maxPages: 3 })).rejects.toMatchObject({
      code: 'TOO_MANY_PAGES',
      message: 'The PDF has 5 pages; the limit is 3 pages.',
    });
    await expect(extractPdf(bytes, { maxChars: 100 })).rejects.toMatchObject({ code: 'TOO_MUCH_TEXT' });
    await expect(extractPdf(bytes, { timeBudgetMs: -1 })).rejects.toMatchObject({
      code: 'TIME_BUDGET_EXCEEDED',
    });
  });

  it('maps garbage and empty pages to typed errors', async () => {
    await expect(extractPdf(new TextEncoder().encode('%PDF-1.7\n%%EOF'))).rejects.toBeInstanceOf(
      ExtractionError,
    );
    const blank = await PDFDocument.create();
    blank.addPage();
    await expect(extractPdf(await blank.save())).rejects.toMatchObject({ code: 'NO_TEXT', permanent: true });
  });
});
