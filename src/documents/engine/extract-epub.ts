/**
 * EPUB 2 and 3: chapters in spine order through the zip guard; the package document and the NCX are read
 * with fast-xml-parser, chapters and the EPUB 3 navigation document with linkedom (html-blocks.ts). Chapter
 * titles come from the table of contents when a chapter has no heading of its own. When the book has a
 * page list (the print edition's page numbers), its targets cut the text into pages labelled with them;
 * otherwise each chapter is a page and the page count says it is estimated.
 */
import { posix } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { decodeText } from './extract-html.ts';
import { type DomNode, type HtmlItem, htmlBlocks } from './html-blocks.ts';
import { INGEST_LIMITS } from './limits.ts';
import {
  type ExtractedDocument,
  type ExtractedPage,
  ExtractionError,
  type ExtractionLimits,
} from './types.ts';
import { children, descendants, parseXml, path, textContent, type XmlNode } from './xml.ts';
import { openZipPackage, type ZipPackage } from './zip-package.ts';

export const EPUB_MESSAGES = {
  damaged: 'The e-book (EPUB) is damaged and could not be read.',
  drm:
    'This e-book is DRM-protected (its chapters are encrypted), so its text cannot be read; upload a ' +
    'DRM-free EPUB (many publishers and libraries offer one) or a PDF.',
  noText: 'The e-book has no readable text (its chapters are empty or only images).',
} as const;

// Font obfuscation is listed in encryption.xml too, but leaves the text readable.
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

// XHTML has only XML's five entities; EPUB 2 books written against the XHTML 1.1 DTD use these few more.
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '&#160;',
  shy: '&#173;',
  copy: '&#169;',
  ndash: '&#8211;',
  mdash: '&#8212;',
  lsquo: '&#8216;',
  rsquo: '&#8217;',
  ldquo: '&#8220;',
  rdquo: '&#8221;',
  hellip: '&#8230;',
};

/**
 * A chapter's body. Chapters are XHTML, so they are parsed as XML: an HTML parser would read a
 * self-closing page-break `<span/>` as an open tag swallowing the rest of the chapter.
 */
function chapterBody(source: string): DomNode {
  const xml = source.replace(/&(\w+);/g, (entity, name: string) => HTML_ENTITIES[name] ?? entity);
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const body = document.querySelector('body') ?? document.documentElement;
  return body as unknown as DomNode;
}

function damaged(): ExtractionError {
  return new ExtractionError('DAMAGED', EPUB_MESSAGES.damaged);
}

function xmlPart(pkg: ZipPackage, name: string): XmlNode | undefined {
  const text = pkg.text(name);
  return text === undefined ? undefined : parseXml(text, EPUB_MESSAGES.damaged);
}

/** A link from a part to another: the target part's name and its fragment. */
function resolveHref(from: string, href: string): { part: string; fragment?: string } {
  const [file, fragment] = href.split('#', 2);
  let decoded = file;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    // Keep the raw name.
  }
  const part = decoded ? posix.normalize(posix.join(posix.dirname(from), decoded)) : from;
  return fragment ? { part, fragment } : { part };
}

function assertNotEncrypted(pkg: ZipPackage) {
  const encryption = xmlPart(pkg, 'META-INF/encryption.xml');
  if (!encryption) return;
  for (const data of descendants(encryption, 'EncryptedData')) {
    const algorithm = path(data, 'EncryptionMethod')?.attrs.Algorithm ?? '';
    if (!FONT_OBFUSCATION.has(algorithm)) throw new ExtractionError('PASSWORD_PROTECTED', EPUB_MESSAGES.drm);
  }
}

interface Navigation {
  /** Chapter part → its first title in the table of contents. */
  titles: Map<string, string>;
  /** Chapter part → (element id → printed page label); "" for the top of the chapter. */
  pages: Map<string, Map<string, string>>;
}

function addPage(nav: Navigation, from: string, href: string, label: string) {
  const { part, fragment } = resolveHref(from, href);
  const anchors = nav.pages.get(part) ?? new Map<string, string>();
  anchors.set(fragment ?? '', label.replace(/\s+/g, ' ').trim());
  nav.pages.set(part, anchors);
}

/** EPUB 3: the navigation document's toc and page-list. */
function readNavDocument(pkg: ZipPackage, navPart: string, nav: Navigation) {
  const text = pkg.text(navPart);
  if (!text) return;
  const { document } = parseHTML(text);
  for (const element of document.querySelectorAll('nav')) {
    const type = element.getAttribute('epub:type') ?? element.getAttribute('role') ?? '';
    const links = [...element.querySelectorAll('a[href]')];
    if (/\b(page-list|doc-pagelist)\b/.test(type)) {
      for (const a of links) addPage(nav, navPart, a.getAttribute('href') ?? '', a.textContent ?? '');
    } else if (/\b(toc|doc-toc)\b/.test(type)) {
      for (const a of links) {
        const { part } = resolveHref(navPart, a.getAttribute('href') ?? '');
        const title = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (title && !nav.titles.has(part)) nav.titles.set(part, title);
      }
    }
  }
}

/** EPUB 2: the NCX's navMap and pageList. */
function readNcx(pkg: ZipPackage, ncxPart: string, nav: Navigation) {
  const ncx = xmlPart(pkg, ncxPart);
  if (!ncx) return;
  for (const point of descendants(ncx, 'navPoint')) {
    const src = path(point, 'content')?.attrs.src;
    const title = textContent(path(point, 'navLabel') ?? point)
      .replace(/\s+/g, ' ')
      .trim();
    if (!src || !title) continue;
    const { part } = resolveHref(ncxPart, src);
    if (!nav.titles.has(part)) nav.titles.set(part, title);
  }
  if (nav.pages.size > 0) return;
  for (const target of descendants(ncx, 'pageTarget')) {
    const src = path(target, 'content')?.attrs.src;
    const label = textContent(path(target, 'navLabel') ?? target).trim() || target.attrs.value;
    if (src && label) addPage(nav, ncxPart, src, label);
  }
}

export function extractEpub(bytes: Uint8Array, limits: ExtractionLimits = {}): ExtractedDocument {
  const { maxPages, maxChars, maxDocxBytes } = { ...INGEST_LIMITS, ...limits };
  const pkg = openZipPackage(bytes, {
    what: 'e-book',
    maxBytes: maxDocxBytes,
    damaged: EPUB_MESSAGES.damaged,
  });
  assertNotEncrypted(pkg);
  const container = xmlPart(pkg, 'META-INF/container.xml');
  const opfPart = container ? descendants(container, 'rootfile')[0]?.attrs['full-path'] : undefined;
  const opf = opfPart ? xmlPart(pkg, opfPart) : undefined;
  if (!opfPart || !opf) throw damaged();
  const manifest = new Map<string, { part: string; type: string; properties: string }>();
  for (const item of children(path(opf, 'manifest'), 'item')) {
    const { part } = resolveHref(opfPart, item.attrs.href ?? '');
    manifest.set(item.attrs.id ?? '', {
      part,
      type: item.attrs['media-type'] ?? '',
      properties: item.attrs.properties ?? '',
    });
  }
  const spine = path(opf, 'spine');
  const chapters = children(spine, 'itemref')
    .map((ref) => manifest.get(ref.attrs.idref ?? ''))
    .filter((item) => item !== undefined && /html|xml/.test(item.type))
    .map((item) => item!.part);
  const nav: Navigation = { titles: new Map(), pages: new Map() };
  const navItem = [...manifest.values()].find((i) => /\bnav\b/.test(i.properties));
  if (navItem) readNavDocument(pkg, navItem.part, nav);
  const ncx =
    manifest.get(spine?.attrs.toc ?? '') ??
    [...manifest.values()].find((i) => i.type === 'application/x-dtbncx+xml');
  if (ncx) readNcx(pkg, ncx.part, nav);
  const bookTitle = descendants(path(opf, 'metadata') ?? opf, 'title')[0];

  const paged = [...nav.pages.keys()].some((part) => chapters.includes(part));
  const pages: ExtractedPage[] = [];
  let chars = 0;
  let current: { blocks: string[]; label?: string } = { blocks: [] };
  const close = () => {
    const text = current.blocks.join('\n\n');
    if (!text && current.label === undefined) return;
    chars += text.length;
    if (chars > maxChars) {
      throw new ExtractionError(
        'TOO_MUCH_TEXT',
        `The e-book holds more than ${maxChars.toLocaleString('en')} characters of text, over the limit.`,
      );
    }
    pages.push({ number: pages.length + 1, text, label: current.label ?? String(pages.length + 1) });
    if (pages.length > maxPages) {
      throw new ExtractionError(
        'TOO_MANY_PAGES',
        `The e-book has more than ${maxPages} pages; the limit is ${maxPages}.`,
      );
    }
  };
  for (const part of chapters) {
    const source = pkg.read(part);
    if (!source) continue;
    const anchors = nav.pages.get(part);
    const items: HtmlItem[] = htmlBlocks(chapterBody(decodeText(source, 'html')), {
      ...(anchors ? { pageAnchors: anchors } : {}),
    });
    // A page-list target that is the chapter file itself starts its page at the chapter's top.
    if (anchors?.has('')) items.unshift({ pageBreak: anchors.get('')! });
    const title = nav.titles.get(part);
    const firstBlock = items.findIndex((i) => 'block' in i);
    if (title && firstBlock >= 0 && !(items[firstBlock] as { block: string }).block.startsWith('#')) {
      items.splice(firstBlock, 0, { block: `# ${title}` });
    }
    if (!paged) {
      current = { blocks: [] };
      for (const item of items) if ('block' in item) current.blocks.push(item.block);
      close();
      continue;
    }
    for (const item of items) {
      if ('pageBreak' in item) {
        close();
        current = { blocks: [], label: item.pageBreak };
      } else current.blocks.push(item.block);
    }
  }
  if (paged) close();
  if (pages.every((p) => p.text.trim() === '')) throw new ExtractionError('NO_TEXT', EPUB_MESSAGES.noText);
  const title = bookTitle ? textContent(bookTitle).trim() : undefined;
  return {
    kind: 'epub',
    pages,
    pageCount: pages.length,
    pageCountEstimated: !paged,
    ...(title ? { title } : {}),
  };
}
