import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { extractDocx } from '../../../src/documents/engine/extract-docx.ts';
import { extractPdf } from '../../../src/documents/engine/extract-pdf.ts';
import { closeOcrEngines } from '../../../src/documents/engine/ocr.ts';
import { cleanDocument } from '../../../src/documents/engine/prepare.ts';
import { sniffFileType } from '../../../src/documents/engine/sniff.ts';
import { characterErrorRate } from '../../../src/text/edit-distance.ts';
import { CORPUS_DIR, describeCorpus } from './fixtures.ts';

const read = (path: string) => new Uint8Array(readFileSync(resolve(CORPUS_DIR, path)));

afterAll(closeOcrEngines);

describeCorpus('PDF corpus', () => {
  it('reads tracemonkey column by column', async () => {
    const doc = await extractPdf(read('pdf/pdfjs-tracemonkey.pdf'));
    expect(doc.pageCount).toBe(14);
    const text = cleanDocument(doc)[0].text;
    // Column 1 ends its first paragraph before column 2's text starts, instead of alternating line by line.
    const abstract = text.indexOf('Dynamic languages such as JavaScript are more difficult to compile');
    const intro = text.indexOf('1. Introduction');
    const column2 = text.indexOf('and is used for the application logic of browser-based productivity');
    expect(abstract).toBeGreaterThan(0);
    expect(intro).toBeGreaterThan(abstract);
    expect(column2).toBeGreaterThan(intro);
    expect(text).toContain('We have implemented a dynamic compiler for JavaScript based on our technique');
  });

  it('reads the three-column Federal Register in column order and drops its running head', async () => {
    const pages = cleanDocument(await extractPdf(read('pdf/pdfplumber-federal-register-2020-17221.pdf')));
    const p2 = pages[1].text;
    expect(p2).toContain('Investigation of the accident has been completed by the Indonesian authorities');
    expect(p2.indexOf('resulting in 189 fatalities')).toBeLessThan(
      p2.indexOf('These effects include stall warning'),
    );
    expect(pages.filter((p) => p.text.includes('Federal Register / Vol. 85')).length).toBeLessThan(3);
  });

  it('expands ligatures', async () => {
    const [page] = cleanDocument(await extractPdf(read('pdf/pdfjs-copy_paste_ligatures.pdf')));
    expect(page.text).toContain('ffffiflffiffl');
    expect(page.text).not.toMatch(/[\ufb00-\ufb06]/);
  });

  it('refuses a PDF that needs a password, and opens one with an empty user password', async () => {
    await expect(extractPdf(read('pdf/pysamples-libreoffice-writer-password.pdf'))).rejects.toMatchObject({
      code: 'PASSWORD_PROTECTED',
      permanent: true,
      message: 'This PDF is password-protected; remove the password and upload it again.',
    });
    const open = await extractPdf(read('pdf/tika-testPDF_protected.pdf'));
    expect(open.pageCount).toBe(41);
    expect(open.pages[0].text).toMatch(/Rethinking the financial network/i);
  });

  it.each([
    'pdf/ocrmypdf-invalid.pdf',
    'pdf/derived-nics-background-checks-2015-11.truncated-60pct.pdf',
  ])('reports %s as damaged', async (file) => {
    await expect(extractPdf(read(file))).rejects.toMatchObject({
      code: 'DAMAGED',
      message: 'The PDF is damaged or incomplete and could not be read.',
    });
  });

  it('recovers the PDF with a damaged xref', async () => {
    const doc = await extractPdf(read('pdf/tika-testPDF_bad_page_303226.pdf'));
    expect(doc.pages.reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(50_000);
  });

  it('reads every scanned PDF with OCR: the slide says "Happy New Year 2003!"', async () => {
    const slide = await extractPdf(read('pdf/tika-testOCR.pdf'));
    expect(slide.ocrPageCount).toBe(1);
    expect(cleanDocument(slide)[0].text).toBe('Happy New Year 2003!');
    for (const [file, words] of [
      ['pdf/ocrmypdf-c02-22-scanned-book-page.pdf', 'tip-toeing along a path'],
      ['pdf/ocrmypdf-epson-scanned-wikipedia.pdf', 'Optical character recognition'],
    ] as const) {
      const doc = await extractPdf(read(file));
      expect(doc.ocrPageCount, file).toBe(1);
      expect(cleanDocument(doc)[0].text, file).toContain(words);
    }
  });

  it('OCRs the two-column scan column by column, within 5% CER of its transcription', async () => {
    const doc = await extractPdf(read('pdf/ocrmypdf-linn-scanned-2col.pdf'));
    const text = cleanDocument(doc)[0].text;
    const truth = readFileSync(resolve(CORPUS_DIR, 'pdf/ocrmypdf-linn-scanned-2col.groundtruth.txt'), 'utf8');
    expect(characterErrorRate(truth, text)).toBeLessThan(0.05);
    // OCR'd lines have boxes on the page like a text layer's.
    const line = doc.pages[0].lines?.find((l) => l.text.startsWith('To record a sequence'));
    expect(line?.rect.x).toBeLessThan(0.5);
    expect(line?.rect.y).toBeGreaterThan(0.2);
  });

  it('OCRs a Type3 font without a Unicode map instead of keeping its symbols, and reads one that has it', async () => {
    const doc = await extractPdf(read('pdf/ocrmypdf-type3_font_nomapping.pdf'));
    expect(doc.ocrPageCount).toBe(1);
    expect(doc.pages[0].text).toBe('ua');
    await expect(
      extractPdf(read('pdf/ocrmypdf-type3_font_nomapping.pdf'), { ocr: false }),
    ).rejects.toMatchObject({
      code: 'UNREADABLE_TEXT',
      message: expect.stringContaining('no usable character mapping'),
    });
    const ok = await extractPdf(read('pdf/pdfjs-simpletype3font.pdf'));
    expect(ok.ocrPageCount).toBe(0);
    expect(ok.pages[0].text).toContain('ababab');
  });

  it('reads CJK text, including vertical Japanese', async () => {
    expect((await extractPdf(read('pdf/pdfjs-vertical-japanese.pdf'))).pages[0].text).toContain('日本語');
    const chinese = cleanDocument(await extractPdf(read('pdf/pdfplumber-issue-67-chinese-report.pdf')));
    expect(chinese[1].text).toContain('保证季度报告内容的真实、准确、完整');
  });

  it('routes PNG bytes named .pdf to the image reader, not the PDF one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(sniffFileType(png, 'lecture.pdf')).toEqual({ kind: 'image', mimeType: 'image/png' });
  });
});

describeCorpus('DOCX corpus', () => {
  it('reports the encrypted DOCX as password-protected', async () => {
    await expect(extractDocx(read('docx/poi-bug53475-password-is-pass.docx'))).rejects.toMatchObject({
      code: 'PASSWORD_PROTECTED',
      message: expect.stringContaining('password-protected'),
    });
  });

  it('reports the truncated DOCX as damaged', async () => {
    await expect(extractDocx(read('docx/poi-truncated62886.docx'))).rejects.toMatchObject({
      code: 'DAMAGED',
    });
  });

  it('reads the bad-CRC fuzz case: the failing part (a theme) is one mammoth never parses', async () => {
    const doc = await extractDocx(read('docx/poi-clusterfuzz-bad-crc.docx'));
    expect(doc.pages[0].text).toContain('Content control that is the entire paragraph');
  });

  it('keeps footnotes, text boxes and tables', async () => {
    expect((await extractDocx(read('docx/mammoth-footnotes.docx'))).pages[0].text).toContain(
      '[1] A tachyon walks into a bar.',
    );
    expect((await extractDocx(read('docx/mammoth-text-box.docx'))).pages[0].text).toContain('Datum plane');
    const various = (await extractDocx(read('docx/tika-testWORD_various.docx'))).pages[0].text;
    expect(various).toContain('Row 1 Col 1 | Row 1 Col 2 | Row 1 Col 3');
    expect(various).toContain('- Bullet 1');
    expect(various).toContain('1. Number bullet 1');
  });

  it('takes Word pages from the breaks the files record', async () => {
    // The handbook has 54 manual page breaks and section breaks, but no rendered ones.
    const handbook = await extractDocx(read('docx/unstructured-handbook-872p.docx'));
    expect(handbook).toMatchObject({ pageCountEstimated: false });
    expect(handbook.pageCount).toBeGreaterThan(54);
    expect(handbook.pages.filter((p) => /^#{1,6} /m.test(p.text)).length).toBeGreaterThan(40);
    // The Russian contract was saved by Word with 93 rendered page breaks: 94 pages.
    const contract = await extractDocx(read('docx/poi-bug65649-russian-contract.docx'));
    expect(contract).toMatchObject({ pageCount: 94, pageCountEstimated: false });
    const estimated = await extractDocx(read('docx/poi-IllustrativeCases.docx'));
    expect(estimated.pageCountEstimated).toBe(true);
  });

  it('returns empty results, not errors, for documents without text', async () => {
    expect((await extractDocx(read('docx/mammoth-empty.docx'))).pageCount).toBe(0);
    expect((await extractDocx(read('docx/mammoth-tiny-picture.docx'))).pageCount).toBe(0);
  });
});
