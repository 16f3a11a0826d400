import type { DocumentKind } from './types.ts';
import { children, parseXml } from './xml.ts';
import { readZipDirectory, readZipEntry, type ZipEntry, ZipFormatError } from './zip-directory.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const EPUB_MIME = 'application/epub+zip';
const ACCEPTED =
  'expected a PDF, Word (.docx), PowerPoint (.pptx), EPUB, an image (PNG, JPEG, TIFF, WebP), HTML, or UTF-8 text/Markdown';
export const HEIC_MESSAGE =
  'HEIC/HEIF photos (the iPhone camera default) are not supported: convert the photo to JPEG first (on the ' +
  'iPhone share it as JPEG, or set Settings → Camera → Formats → Most Compatible; on a Mac open it in ' +
  'Preview and use File → Export → JPEG).';
export const PPT_MESSAGE =
  'This is a legacy PowerPoint file (.ppt): open it in PowerPoint and save it as .pptx (File → Save As → ' +
  'PowerPoint Presentation), or export it as PDF.';
// The main part of a presentation, by its content type in [Content_Types].xml (OOXML part 2).
const PRESENTATION_TYPES = [
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml',
  'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml',
];

export type SniffResult = { kind: DocumentKind; mimeType: string } | { error: string };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], limit = bytes.length): number {
  const end = Math.min(limit, bytes.length) - needle.length;
  const first = needle[0];
  for (let i = bytes.indexOf(first); i >= 0 && i <= end; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

function utf16le(text: string): number[] {
  return Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
}

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');
const WORD_DOCUMENT = ascii('word/document.xml');
const PRESENTATION = ascii('ppt/presentation.xml');
const EPUB_MIMETYPE = ascii('mimetypeapplication/epub+zip');
const POWERPOINT_STREAM = utf16le('PowerPoint Document');
const WORD_STREAM = utf16le('WordDocument');

const IMAGES: { signature: number[]; at?: number; mimeType: string }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mimeType: 'image/png' },
  { signature: [0xff, 0xd8, 0xff], mimeType: 'image/jpeg' },
  { signature: [0x49, 0x49, 0x2a, 0x00], mimeType: 'image/tiff' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], mimeType: 'image/tiff' },
  { signature: ascii('WEBP'), at: 8, mimeType: 'image/webp' },
];
// ISO base media files name their brand after "ftyp": these are HEIC/HEIF and AVIF stills.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

// Named so the rejection tells the person what they actually uploaded.
const IMPOSTORS: { signature: number[]; at?: number; what: string }[] = [
  { signature: ascii('GIF8'), what: 'a GIF image (save it as PNG)' },
  { signature: ascii('RIFF'), what: 'a RIFF media file (WAV or AVI)' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { signature: ascii('MZ'), what: 'a Windows executable' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS executable' },
  { signature: [0x1f, 0x8b], what: 'a gzip archive' },
  { signature: ascii('7z'), what: 'a 7-Zip archive' },
  { signature: ascii('Rar!'), what: 'a RAR archive' },
  { signature: ascii('{\\rtf'), what: 'an RTF document' },
  { signature: ascii('ftyp'), at: 4, what: 'an MP4/QuickTime video' },
  { signature: ascii('ID3'), what: 'an MP3 audio file' },
  { signature: [0xfe, 0xff], what: 'UTF-16 text (save it as UTF-8)' },
  { signature: [0xff, 0xfe], what: 'UTF-16 text (save it as UTF-8)' },
];

function unsupported(what: string): { error: string } {
  return { error: `Unsupported file type: ${ACCEPTED}; this file looks like ${what}.` };
}

/** The content type [Content_Types].xml gives the part, or undefined (absent, oversized or unreadable). */
function overrideTypes(bytes: Uint8Array, entries: ZipEntry[]): string[] {
  const entry = entries.find((e) => e.name === '[Content_Types].xml');
  if (!entry || entry.uncompressedSize > 1 << 20) return [];
  try {
    const types = parseXml(new TextDecoder().decode(readZipEntry(bytes, entry)), 'unreadable');
    return children(types, 'Override').map((o) => o.attrs.ContentType ?? '');
  } catch {
    return [];
  }
}

/** EPUB (OCF): an entry "mimetype" holding exactly application/epub+zip. */
function isEpub(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const entry = entries.find((e) => e.name === 'mimetype');
  if (!entry || entry.uncompressedSize > 64) return false;
  try {
    return new TextDecoder().decode(readZipEntry(bytes, entry)).trim() === EPUB_MIME;
  } catch {
    return false;
  }
}

function sniffZip(bytes: Uint8Array): SniffResult {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    // No readable directory: a truncated upload. Claim a type only if its main part is visibly in there,
    // so the extractor can report the file as damaged instead of "unsupported".
    if (indexOfBytes(bytes, WORD_DOCUMENT, 4 << 20) >= 0) return { kind: 'docx', mimeType: DOCX_MIME };
    if (indexOfBytes(bytes, PRESENTATION, 4 << 20) >= 0) return { kind: 'pptx', mimeType: PPTX_MIME };
    if (indexOfBytes(bytes, EPUB_MIMETYPE, 128) >= 0) return { kind: 'epub', mimeType: EPUB_MIME };
    return unsupported('a damaged zip archive');
  }
  const names = entries.map((e) => e.name);
  if (names.includes('word/document.xml')) return { kind: 'docx', mimeType: DOCX_MIME };
  if (overrideTypes(bytes, entries).some((t) => PRESENTATION_TYPES.includes(t))) {
    return { kind: 'pptx', mimeType: PPTX_MIME };
  }
  if (isEpub(bytes, entries)) return { kind: 'epub', mimeType: EPUB_MIME };
  if (names.includes('xl/workbook.xml')) return unsupported('an Excel workbook (.xlsx)');
  if (names.includes('ppt/presentation.xml')) {
    return unsupported(
      'a PowerPoint package whose [Content_Types].xml names no presentation (a damaged .pptx)',
    );
  }
  if (names.includes('mimetype') && names.includes('content.xml')) return unsupported('an OpenDocument file');
  if (names.includes('META-INF/container.xml')) return unsupported('an EPUB without its "mimetype" entry');
  return unsupported('a zip archive that is not a Word, PowerPoint or EPUB document');
}

function sniffOle2(bytes: Uint8Array): SniffResult {
  // Encrypted OOXML is stored inside a compound file as an "EncryptedPackage" stream (MS-OFFCRYPTO).
  if (indexOfBytes(bytes, ENCRYPTED_PACKAGE) >= 0) {
    return {
      error:
        'This Office file is password-protected (encrypted); remove the password in Word or PowerPoint and upload it again.',
    };
  }
  if (indexOfBytes(bytes, POWERPOINT_STREAM) >= 0) return { error: PPT_MESSAGE };
  if (indexOfBytes(bytes, WORD_STREAM) >= 0)
    return unsupported('a legacy Word file (.doc); save it as .docx or PDF');
  return unsupported('a legacy Office file (.doc, .xls or .ppt); save it as .docx, .pptx or PDF');
}

function sniffImage(bytes: Uint8Array): SniffResult | undefined {
  for (const image of IMAGES) {
    if (!startsWith(bytes, image.signature, image.at)) continue;
    if (image.mimeType === 'image/webp' && !startsWith(bytes, ascii('RIFF'))) continue;
    return { kind: 'image', mimeType: image.mimeType };
  }
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = new TextDecoder('latin1').decode(bytes.subarray(8, 12));
    if (HEIF_BRANDS.has(brand)) return { error: HEIC_MESSAGE };
  }
  return undefined;
}

// A web page says so in its first bytes: a doctype, an <html> element (after an XML declaration for XHTML).
const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i;

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  // A few stray form feeds or escapes happen in real text; binary data has them everywhere.
  if (controls > Math.max(2, bytes.length * 0.002)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the document type from its bytes; the file name only tells Markdown (and an HTML fragment without
 * a doctype) from plain text, which bytes cannot.
 */
export function sniffFileType(bytes: Uint8Array, filename?: string): SniffResult {
  if (bytes.length === 0) return { error: 'The file is empty.' };
  // pdf.js accepts a header anywhere in the first 1,024 bytes (some generators prepend junk), so do we.
  if (indexOfBytes(bytes, PDF, 1024 + PDF.length) >= 0) return { kind: 'pdf', mimeType: 'application/pdf' };
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  if (startsWith(bytes, EMPTY_ZIP)) return unsupported('an empty zip archive');
  if (startsWith(bytes, OLE2)) return sniffOle2(bytes);
  const image = sniffImage(bytes);
  if (image) return image;
  const text = isPlainText(bytes);
  for (const impostor of IMPOSTORS) {
    // Two-byte signatures like "MZ" also begin ordinary sentences; they count only for binary data.
    if (text && impostor.signature.length < 4) continue;
    if (startsWith(bytes, impostor.signature, impostor.at)) return unsupported(impostor.what);
  }
  if (text) {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
    const htmlName = /\.(html?|xhtml)$/i.test(filename ?? '');
    if (HTML_START.test(head) || (htmlName && /^\s*</.test(head)))
      return { kind: 'html', mimeType: 'text/html' };
    if (/\.(md|markdown)$/i.test(filename ?? '')) return { kind: 'markdown', mimeType: 'text/markdown' };
    return { kind: 'text', mimeType: 'text/plain' };
  }
  return unsupported('binary data of no supported type');
}
