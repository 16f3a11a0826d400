import type { DocumentKind } from './types.ts';
import { readZipDirectory, ZipFormatError } from './zip-directory.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ACCEPTED = 'expected a PDF, a Word .docx, or UTF-8 text/Markdown';

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

// Named so the rejection tells the person what they actually uploaded.
const IMPOSTORS: { signature: number[]; at?: number; what: string }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { signature: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { signature: ascii('GIF8'), what: 'a GIF image' },
  { signature: ascii('RIFF'), what: 'a RIFF media file (WebP, WAV or AVI)' },
  { signature: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
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

function sniffZip(bytes: Uint8Array): SniffResult {
  let names: string[];
  try {
    names = readZipDirectory(bytes).map((e) => e.name);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    // No readable directory: a truncated upload. Claim DOCX only if Word's main part is visibly in there,
    // so the extractor can report the file as damaged instead of "unsupported".
    if (indexOfBytes(bytes, WORD_DOCUMENT, 4 << 20) >= 0) return { kind: 'docx', mimeType: DOCX_MIME };
    return unsupported('a damaged zip archive');
  }
  if (names.includes('word/document.xml')) return { kind: 'docx', mimeType: DOCX_MIME };
  if (names.includes('xl/workbook.xml')) return unsupported('an Excel workbook (.xlsx)');
  if (names.includes('ppt/presentation.xml')) return unsupported('a PowerPoint presentation (.pptx)');
  if (names.includes('mimetype') && names.includes('content.xml')) return unsupported('an OpenDocument file');
  if (names.includes('META-INF/container.xml')) return unsupported('an EPUB e-book');
  return unsupported('a zip archive that is not a Word document');
}

function sniffOle2(bytes: Uint8Array): SniffResult {
  // Encrypted OOXML is stored inside a compound file as an "EncryptedPackage" stream (MS-OFFCRYPTO).
  if (indexOfBytes(bytes, ENCRYPTED_PACKAGE) >= 0) {
    return {
      error:
        'This Office file is password-protected (encrypted); remove the password in Word and upload it again.',
    };
  }
  return unsupported('a legacy Office file (.doc, .xls or .ppt); save it as .docx or PDF');
}

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

/** Decides the document type from its bytes; the file name only picks text/markdown over text/plain. */
export function sniffFileType(bytes: Uint8Array, filename?: string): SniffResult {
  if (bytes.length === 0) return { error: 'The file is empty.' };
  // pdf.js accepts a header anywhere in the first 1,024 bytes (some generators prepend junk), so do we.
  if (indexOfBytes(bytes, PDF, 1024 + PDF.length) >= 0) return { kind: 'pdf', mimeType: 'application/pdf' };
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  if (startsWith(bytes, EMPTY_ZIP)) return unsupported('an empty zip archive');
  if (startsWith(bytes, OLE2)) return sniffOle2(bytes);
  const text = isPlainText(bytes);
  for (const impostor of IMPOSTORS) {
    // Two-byte signatures like "MZ" also begin ordinary sentences; they count only for binary data.
    if (text && impostor.signature.length < 4) continue;
    if (startsWith(bytes, impostor.signature, impostor.at)) return unsupported(impostor.what);
  }
  if (text) {
    const markdown = /\.(md|markdown)$/i.test(filename ?? '');
    return { kind: 'text', mimeType: markdown ? 'text/markdown' : 'text/plain' };
  }
  return unsupported('binary data that is not a PDF, Word file or UTF-8 text');
}
