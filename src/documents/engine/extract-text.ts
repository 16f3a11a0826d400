import { paginateBlocks } from './paginate.ts';
import { type ExtractedDocument, ExtractionError, type ExtractionLimits } from './types.ts';

/**
 * UTF-8 text or Markdown, split on blank lines into synthetic pages of ~3,000 characters (see
 * paginate.ts) so long notes get page-level citations like every other document.
 */
export function extractText(bytes: Uint8Array, limits: ExtractionLimits = {}): ExtractedDocument {
  let text: string;
  try {
    // ignoreBOM: false makes the decoder strip a leading BOM.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ExtractionError('UNSUPPORTED_TYPE', 'The text file is not valid UTF-8; save it as UTF-8.');
  }
  if (limits.maxChars !== undefined && text.length > limits.maxChars) {
    throw new ExtractionError(
      'TOO_MUCH_TEXT',
      `The file holds ${text.length.toLocaleString('en')} characters; the limit is ${limits.maxChars.toLocaleString('en')}.`,
    );
  }
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((b) => b.replace(/\s+$/, ''))
    .filter((b) => b.trim() !== '');
  if (blocks.length === 0) throw new ExtractionError('NO_TEXT', 'The text file is empty.');
  const pages = paginateBlocks(blocks);
  const heading = /^#\s+(.+)$/m.exec(pages[0].text)?.[1]?.trim();
  return { kind: 'text', pages, pageCount: pages.length, ...(heading ? { title: heading } : {}) };
}
