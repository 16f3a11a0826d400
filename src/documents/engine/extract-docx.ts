import mammoth from 'mammoth';
import { htmlToBlocks } from './docx-html.ts';
import { assignPages, readDocxBreaks } from './docx-pages.ts';
import { paginateBlocks } from './paginate.ts';
import {
  type ExtractedDocument,
  type ExtractedPage,
  ExtractionError,
  type ExtractionLimits,
} from './types.ts';
import { readZipEntry, type ZipEntry } from './zip-directory.ts';
import { openZipPackage } from './zip-package.ts';

export const DOCX_MESSAGES = {
  damaged: 'The Word file is damaged and could not be read.',
  password: 'This Word file is password-protected; remove the password in Word and upload it again.',
  notWord: 'The file is a zip archive but not a Word document (it has no word/document.xml).',
} as const;

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
// The parts mammoth parses; media and themes are never inflated, so they are not verified either.
const PARSED_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(_rels\/)?[^/]+\.(xml|rels))$/;

/**
 * Checks the zip before mammoth (JSZip) inflates anything (see zip-package.ts); each part mammoth will parse
 * is inflated and verified up front, so a part that lies about its size cannot balloon inside JSZip.
 */
export function guardDocxZip(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): ZipEntry[] {
  if (OLE2.every((b, i) => bytes[i] === b))
    throw new ExtractionError('PASSWORD_PROTECTED', DOCX_MESSAGES.password);
  const pkg = openZipPackage(bytes, { what: 'Word file', maxBytes, damaged: DOCX_MESSAGES.damaged });
  if (!pkg.has('word/document.xml')) {
    throw new ExtractionError('UNSUPPORTED_TYPE', DOCX_MESSAGES.notWord);
  }
  for (const e of pkg.entries) if (PARSED_PART.test(e.name)) pkg.read(e.name);
  return pkg.entries;
}

/**
 * Word's pages where the file records them (the page breaks Word rendered when it last saved the file, or
 * hard page and section breaks); a file with none is cut into synthetic pages of about 3,000 characters at
 * paragraph boundaries, and says so with `pageCountEstimated`.
 */
export async function extractDocx(
  bytes: Uint8Array,
  limits: ExtractionLimits = {},
): Promise<ExtractedDocument> {
  const entries = guardDocxZip(bytes, limits.maxDocxBytes ?? DEFAULT_MAX_BYTES);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are never decoded: they carry no text, and base64-inlining them would waste memory.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new ExtractionError('DAMAGED', DOCX_MESSAGES.damaged);
  }
  const blocks = htmlToBlocks(html);
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  if (limits.maxChars !== undefined && chars > limits.maxChars) {
    throw new ExtractionError(
      'TOO_MUCH_TEXT',
      `The Word file holds more than ${limits.maxChars.toLocaleString('en')} characters of text, over the limit.`,
    );
  }
  const body = entries.find((e) => e.name === 'word/document.xml')!;
  const breaks = readDocxBreaks(new TextDecoder().decode(readZipEntry(bytes, body)));
  const title = blocks.find((b) => b.startsWith('# '))?.slice(2);
  if (breaks.source === 'none') {
    // An image-only or empty document is valid: it yields no pages rather than an error.
    const pages = paginateBlocks(blocks);
    return {
      kind: 'docx',
      pages,
      pageCount: pages.length,
      pageCountEstimated: true,
      ...(title ? { title } : {}),
    };
  }
  const paged = assignPages(blocks, breaks);
  const pageCount = Math.max(breaks.pageCount, ...paged.map((b) => b.page));
  const pages: ExtractedPage[] = Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, text: '' }));
  for (const { text, page } of paged) {
    const target = pages[page - 1];
    target.text = target.text ? `${target.text}\n\n${text}` : text;
  }
  return { kind: 'docx', pages, pageCount, pageCountEstimated: false, ...(title ? { title } : {}) };
}
