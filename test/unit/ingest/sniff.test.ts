import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  DOCX_MIME,
  EPUB_MIME,
  HEIC_MESSAGE,
  PPT_MESSAGE,
  PPTX_MIME,
  sniffFileType,
} from '../../../src/documents/engine/sniff.ts';
import { BOOK, LECTURE_DECK, makeDeck, makeEpub, textPng } from '../../helpers/format-fixtures.ts';
import { buildZip, CORPUS_DIR, describeCorpus, minimalDocx } from './fixtures.ts';

const enc = new TextEncoder();
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('sniffFileType', () => {
  it('recognises a PDF by its header, even after leading junk', async () => {
    const pdf = await (await PDFDocument.create()).save();
    expect(sniffFileType(pdf, 'x.txt')).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
    const junk = new Uint8Array([...enc.encode('\r\n   garbage bytes\n'), ...pdf]);
    expect(sniffFileType(junk)).toMatchObject({ kind: 'pdf' });
    const tooLate = new Uint8Array([...new Uint8Array(2000).fill(0x41), ...pdf]);
    expect(sniffFileType(tooLate)).not.toMatchObject({ kind: 'pdf' });
  });

  it('recognises a DOCX made by the docx package, whatever its name', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Hello')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(sniffFileType(bytes, 'notes.pdf')).toEqual({ kind: 'docx', mimeType: DOCX_MIME });
  });

  it('accepts UTF-8 text and Markdown, with or without a BOM', () => {
    expect(sniffFileType(enc.encode('# Notes\n\nMitochondria — the powerhouse.'), 'n.md')).toEqual({
      kind: 'markdown',
      mimeType: 'text/markdown',
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Plain text')]);
    expect(sniffFileType(bom, 'a.txt')).toEqual({ kind: 'text', mimeType: 'text/plain' });
    expect(sniffFileType(enc.encode('MZ is how this sentence starts.'))).toMatchObject({ kind: 'text' });
  });

  it('names the impostor and says what is accepted', () => {
    const gif = sniffFileType(enc.encode('GIF89a\x01\x00\x01\x00'), 'slides.pdf');
    expect(gif).toEqual({
      error:
        'Unsupported file type: expected a PDF, Word (.docx), PowerPoint (.pptx), EPUB, an image (PNG, JPEG, TIFF, WebP), HTML, or UTF-8 text/Markdown; this file looks like a GIF image (save it as PNG).',
    });
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    expect(sniffFileType(elf, 'essay.docx')).toMatchObject({
      error: expect.stringContaining('ELF executable'),
    });
    const pe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    expect(sniffFileType(pe, 'essay.docx')).toMatchObject({
      error: expect.stringContaining('Windows executable'),
    });
    const wav = new Uint8Array([...enc.encode('RIFF'), 0, 0, 0, 0, ...enc.encode('WAVEfmt ')]);
    expect(sniffFileType(wav, 'photo.webp')).toMatchObject({ error: expect.stringContaining('WAV or AVI') });
  });

  it('recognises images from their magic bytes, whatever their name, and refuses HEIC saying how to convert', async () => {
    expect(sniffFileType(PNG, 'slides.pdf')).toEqual({ kind: 'image', mimeType: 'image/png' });
    expect(sniffFileType(await textPng(['Hello']), 'notes.txt')).toEqual({
      kind: 'image',
      mimeType: 'image/png',
    });
    expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({
      kind: 'image',
      mimeType: 'image/jpeg',
    });
    expect(sniffFileType(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]))).toMatchObject({
      mimeType: 'image/tiff',
    });
    const webp = new Uint8Array([...enc.encode('RIFF'), 0, 0, 0, 0, ...enc.encode('WEBPVP8 ')]);
    expect(sniffFileType(webp, 'photo.jpg')).toEqual({ kind: 'image', mimeType: 'image/webp' });
    const heic = new Uint8Array([
      0,
      0,
      0,
      0x18,
      ...enc.encode('ftypheic'),
      0,
      0,
      0,
      0,
      ...enc.encode('mif1'),
    ]);
    expect(sniffFileType(heic, 'IMG_0001.HEIC')).toEqual({ error: HEIC_MESSAGE });
    expect(HEIC_MESSAGE).toMatch(/convert the photo to JPEG/);
  });

  it('recognises PowerPoint by its content types and EPUB by its mimetype entry, whatever the name', async () => {
    expect(sniffFileType(await makeDeck(LECTURE_DECK), 'slides.docx')).toEqual({
      kind: 'pptx',
      mimeType: PPTX_MIME,
    });
    expect(sniffFileType(makeEpub(BOOK), 'book.zip')).toEqual({ kind: 'epub', mimeType: EPUB_MIME });
    // The package names a presentation part but its content types do not: not a working .pptx.
    const fake = buildZip([{ name: 'ppt/presentation.xml', data: enc.encode('<p:presentation/>') }]);
    expect(sniffFileType(fake, 'deck.pptx')).toMatchObject({
      error: expect.stringContaining('damaged .pptx'),
    });
    const noMimetype = buildZip([{ name: 'META-INF/container.xml', data: enc.encode('<container/>') }]);
    expect(sniffFileType(noMimetype, 'book.epub')).toMatchObject({
      error: expect.stringContaining('EPUB without its "mimetype" entry'),
    });
  });

  it('tells a web page from text by its first bytes, and Markdown by its name', () => {
    const page = enc.encode('<!DOCTYPE html><html><body><p>Hi</p></body></html>');
    expect(sniffFileType(page, 'notes.txt')).toEqual({ kind: 'html', mimeType: 'text/html' });
    const xhtml = enc.encode('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>');
    expect(sniffFileType(xhtml)).toMatchObject({ kind: 'html' });
    expect(sniffFileType(enc.encode('<p>A fragment</p>'), 'part.html')).toMatchObject({ kind: 'html' });
    expect(sniffFileType(enc.encode('<p>A fragment</p>'), 'part.txt')).toMatchObject({ kind: 'text' });
    expect(sniffFileType(enc.encode('Plain words'), 'page.html')).toMatchObject({ kind: 'text' });
  });

  it('rejects a zip that is not Word, PowerPoint or EPUB, and an empty file', () => {
    const zip = buildZip([{ name: 'readme.txt', data: enc.encode('hello') }]);
    expect(sniffFileType(zip, 'a.docx')).toMatchObject({
      error: expect.stringContaining('not a Word, PowerPoint or EPUB document'),
    });
    const xlsx = buildZip([{ name: 'xl/workbook.xml', data: enc.encode('<workbook/>') }]);
    expect(sniffFileType(xlsx)).toMatchObject({ error: expect.stringContaining('Excel') });
    expect(sniffFileType(new Uint8Array(0))).toEqual({ error: 'The file is empty.' });
    expect(sniffFileType(minimalDocx('Hi'))).toMatchObject({ kind: 'docx' });
  });

  it('rejects random noise named .txt', () => {
    const noise = new Uint8Array(randomBytes(64 * 1024));
    expect(sniffFileType(noise, 'notes.txt')).toMatchObject({
      error: expect.stringContaining('binary data'),
    });
  });

  it('tells a legacy .doc from a password-protected DOCX', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffFileType(ole)).toMatchObject({ error: expect.stringContaining('legacy Office file') });
    const name = Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]);
    ole.set(name, 600);
    expect(sniffFileType(ole)).toMatchObject({ error: expect.stringContaining('password-protected') });
  });

  it('refuses a legacy .ppt saying to save it as .pptx', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(
      Array.from('PowerPoint Document').flatMap((c) => [c.charCodeAt(0), 0]),
      600,
    );
    expect(sniffFileType(ole, 'lecture.ppt')).toEqual({ error: PPT_MESSAGE });
    expect(PPT_MESSAGE).toMatch(/save it as \.pptx/);
  });
});

describeCorpus('sniffFileType on the corpus', () => {
  const read = (p: string) => new Uint8Array(readFileSync(resolve(CORPUS_DIR, p)));
  it('reports the encrypted POI DOCX as password-protected', () => {
    expect(sniffFileType(read('docx/poi-bug53475-password-is-pass.docx'))).toMatchObject({
      error: expect.stringContaining('password-protected'),
    });
  });
  it('still routes the truncated DOCX to the DOCX extractor (which reports it damaged)', () => {
    expect(sniffFileType(read('docx/poi-truncated62886.docx'))).toMatchObject({ kind: 'docx' });
  });
  it('recognises the invalid and truncated PDFs as PDFs', () => {
    expect(sniffFileType(read('pdf/ocrmypdf-invalid.pdf'))).toMatchObject({ kind: 'pdf' });
    expect(
      sniffFileType(read('pdf/derived-nics-background-checks-2015-11.truncated-60pct.pdf')),
    ).toMatchObject({
      kind: 'pdf',
    });
  });
});
