/**
 * Word's own page numbers. A .docx stores no layout, but Word writes `w:lastRenderedPageBreak` where a page
 * ended when the file was last saved, and authors insert hard breaks (`w:br w:type="page"`,
 * `w:pageBreakBefore`, section breaks). These are read from word/document.xml and laid over the blocks
 * mammoth gives, by matching their letters and digits in order.
 */

export interface DocxBreaks {
  /** Letters and digits of the body text, lowercased, in document order. */
  letters: string;
  /** The page (1-based) of each char of `letters`. */
  pageAt: Uint16Array;
  pageCount: number;
  /** Which kind of break set the pages: rendered (as last laid out by Word), explicit, or none. */
  source: 'rendered' | 'explicit' | 'none';
}

const TOKEN =
  /<(\/?)w:(p|t|br|lastRenderedPageBreak|pageBreakBefore|sectPr|pPr|type|delText|instrText)\b([^>]*?)(\/?)>|([^<]+)/g;

const simplifyChar = (ch: string) =>
  ch
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** Reads page breaks of both kinds; the rendered ones win when the file has any. */
export function readDocxBreaks(xml: string): DocxBreaks {
  let letters = '';
  const rendered: number[] = [];
  const explicit: number[] = [];
  let inText = false;
  let inPPr = false;
  let inSect = false;
  let sectionType = 'nextPage';
  let sectionPending = false;
  for (const m of xml.matchAll(TOKEN)) {
    if (m[5] !== undefined) {
      if (inText) for (const ch of decodeEntities(m[5])) letters += simplifyChar(ch);
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const tag = m[2];
    const attrs = m[3];
    if (tag === 't') inText = !closing && !selfClosing;
    else if (tag === 'lastRenderedPageBreak') rendered.push(letters.length);
    else if (tag === 'br' && /w:type="page"/.test(attrs)) explicit.push(letters.length);
    else if (tag === 'pageBreakBefore' && !/w:val="(0|false|off)"/.test(attrs)) explicit.push(letters.length);
    else if (tag === 'pPr') inPPr = !closing && !selfClosing;
    else if (tag === 'sectPr' && inPPr) {
      // A section break stored in a paragraph's properties ends the section after that paragraph.
      if (!closing && !selfClosing) {
        inSect = true;
        sectionType = 'nextPage';
      } else {
        inSect = false;
        if (sectionType !== 'continuous') sectionPending = true;
      }
    } else if (tag === 'type' && inSect) sectionType = /w:val="([^"]+)"/.exec(attrs)?.[1] ?? 'nextPage';
    else if (tag === 'p' && closing && sectionPending) {
      explicit.push(letters.length);
      sectionPending = false;
    }
  }
  const source = rendered.length > 0 ? 'rendered' : explicit.length > 0 ? 'explicit' : 'none';
  const breaks = [...new Set(source === 'rendered' ? rendered : explicit)].sort((a, b) => a - b);
  const pageAt = new Uint16Array(letters.length);
  let page = 1;
  let next = 0;
  for (let i = 0; i < letters.length; i++) {
    while (next < breaks.length && breaks[next] <= i) {
      // A break before any text (or two in a row) still starts a page: Word shows it blank.
      page++;
      next++;
    }
    pageAt[i] = Math.min(page, 65_535);
  }
  const pageCount = Math.min(page + breaks.length - next, 65_535);
  return { letters, pageAt, pageCount, source };
}

// Markup htmlToBlocks adds that is not in the document's text.
const BLOCK_PREFIX = /^(#{1,6} |\s*- |\s*\d+\. |\[\d+\] )/;

export interface PagedBlock {
  text: string;
  page: number;
}

/**
 * Gives each mammoth block the page its text starts on; a paragraph that runs over a page break is split
 * there (at a space), so each part is cited with its own page. Tables stay whole on their first page.
 */
export function assignPages(blocks: string[], breaks: DocxBreaks): PagedBlock[] {
  const out: PagedBlock[] = [];
  let cursor = 0;
  let page = 1;
  for (const block of blocks) {
    const prefix = BLOCK_PREFIX.exec(block)?.[0] ?? '';
    const body = block.slice(prefix.length);
    const chars: { ch: string; at: number }[] = [];
    for (let i = 0; i < body.length; i++) for (const ch of simplifyChar(body[i])) chars.push({ ch, at: i });
    if (chars.length === 0) {
      out.push({ text: block, page });
      continue;
    }
    const probe = chars
      .slice(0, 32)
      .map((c) => c.ch)
      .join('');
    const found = breaks.letters.indexOf(probe, cursor);
    if (found < 0) {
      out.push({ text: block, page });
      continue;
    }
    page = breaks.pageAt[found];
    const splits: { at: number; page: number }[] = [];
    let j = found;
    for (
      let i = 0;
      i < chars.length && j < breaks.letters.length && chars[i].ch === breaks.letters[j];
      i++, j++
    ) {
      const p = breaks.pageAt[j];
      if (p > (splits[splits.length - 1]?.page ?? page)) splits.push({ at: chars[i].at, page: p });
    }
    cursor = Math.max(found + 1, j);
    if (splits.length === 0 || block.includes(' | ')) {
      out.push({ text: block, page });
      continue;
    }
    let start = 0;
    let current = page;
    for (const split of splits) {
      const space = body.lastIndexOf(' ', split.at);
      const cut = space > start ? space : split.at;
      const part = body.slice(start, cut).trim();
      if (part) out.push({ text: (start === 0 ? prefix : '') + part, page: current });
      start = cut;
      current = split.page;
    }
    out.push({ text: body.slice(start).trim(), page: current });
    page = current;
  }
  return out;
}
