/**
 * Web pages and Markdown. HTML is parsed by linkedom (htmlparser2 underneath); a saved web page goes through
 * Mozilla's Readability first, so menus, sidebars, cookie banners and footers give way to the article.
 * Markdown is rendered by marked and read the same way. Both become blocks (html-blocks.ts) cut into
 * synthetic pages of about 3,000 characters, like Word files without page breaks.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { blocksOf, type DomNode, htmlBlocks } from './html-blocks.ts';
import { paginateBlocks } from './paginate.ts';
import {
  type DocumentKind,
  type ExtractedDocument,
  ExtractionError,
  type ExtractionLimits,
} from './types.ts';

export const HTML_MESSAGES = {
  notUtf8: 'The file is not valid UTF-8 text; save it as UTF-8.',
  noTextHtml: 'The web page has no readable text (only scripts, styles, navigation or images).',
  noTextMarkdown: 'The Markdown file is empty.',
} as const;

/** UTF-8 text, or the page's declared legacy charset when it names one TextDecoder knows. */
export function decodeText(bytes: Uint8Array, kind: DocumentKind): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (kind === 'html') {
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
      const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
      if (charset) {
        try {
          return new TextDecoder(charset).decode(bytes);
        } catch {
          // An unknown charset name: fall through to the message.
        }
      }
    }
    throw new ExtractionError('UNSUPPORTED_TYPE', HTML_MESSAGES.notUtf8);
  }
}

function checkSize(text: string, limits: ExtractionLimits) {
  if (limits.maxChars !== undefined && text.length > limits.maxChars * 4) {
    throw new ExtractionError(
      'TOO_MUCH_TEXT',
      `The file holds ${text.length.toLocaleString('en')} characters; the limit is ${(limits.maxChars * 4).toLocaleString('en')} including markup.`,
    );
  }
}

/**
 * The readable part of an HTML document: Readability's article when the page looks like one (a saved web
 * page with navigation around an article), else the whole body.
 */
export function readableBlocks(html: string): { blocks: string[]; title?: string } {
  const { document } = parseHTML(html);
  const pageTitle = document.title?.trim() || undefined;
  const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
  const whole = body ? blocksOf(htmlBlocks(body)) : [];
  if (isProbablyReaderable(document as unknown as Document)) {
    // The article's own <h1> names it better than <title>, which usually appends the site's name.
    const heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
    const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
    if (article?.content) {
      const content = parseHTML(`<html><body>${article.content}</body></html>`).document.body;
      const blocks = blocksOf(htmlBlocks(content as unknown as DomNode));
      const title = heading ?? (article.title?.trim() || pageTitle);
      // Readability turns the page's <h1> into its title; put it back as the top heading.
      if (title && !blocks.some((b) => b.replace(/^#+\s+/, '') === title)) blocks.unshift(`# ${title}`);
      if (blocks.length > 1) return { blocks, ...(title ? { title } : {}) };
    }
  }
  return { blocks: whole, ...(pageTitle ? { title: pageTitle } : {}) };
}

export function extractHtml(
  bytes: Uint8Array,
  kind: 'html' | 'markdown',
  limits: ExtractionLimits = {},
): ExtractedDocument {
  const text = decodeText(bytes, kind);
  checkSize(text, limits);
  const { blocks, title: pageTitle } =
    kind === 'html'
      ? readableBlocks(text)
      : {
          blocks: blocksOf(
            htmlBlocks(
              parseHTML(`<html><body>${marked.parse(text, { async: false })}</body></html>`).document
                .body as unknown as DomNode,
            ),
          ),
          title: undefined,
        };
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  if (limits.maxChars !== undefined && chars > limits.maxChars) {
    throw new ExtractionError(
      'TOO_MUCH_TEXT',
      `The file holds more than ${limits.maxChars.toLocaleString('en')} characters of text, over the limit.`,
    );
  }
  if (blocks.length === 0) {
    throw new ExtractionError(
      'NO_TEXT',
      kind === 'html' ? HTML_MESSAGES.noTextHtml : HTML_MESSAGES.noTextMarkdown,
    );
  }
  const pages = paginateBlocks(blocks);
  const title = pageTitle ?? blocks.find((b) => /^#{1,2} /.test(b))?.replace(/^#+\s+/, '');
  return { kind, pages, pageCount: pages.length, pageCountEstimated: true, ...(title ? { title } : {}) };
}
