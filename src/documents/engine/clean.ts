import type { ExtractedPage, PageLine } from './types.ts';

export interface CleanedPage {
  number: number;
  text: string;
  /** The printed page label, when the file has them. */
  label?: string;
  /**
   * For each kept source line: where it starts in `text` and in the extracted page text, and its length in
   * each, so a quote found in cleaned text can be traced back to PDF line boxes.
   */
  anchors: Anchor[];
  /** Headings, at the start of their block in `text`. */
  headings?: { offset: number; level: number; title: string }[];
}

export interface Anchor {
  clean: number;
  raw: number;
  cleanLength: number;
  rawLength: number;
}

export interface CleanOptions {
  /** Drop running headers, footers and page numbers (PDF only: other formats have no running heads). */
  removeRunningHeads?: boolean;
  /** Join the visual lines of a paragraph (PDF); DOCX and text keep their newlines (table rows, lists). */
  unwrapLines?: boolean;
}

// Control characters (tabs become spaces first), soft hyphens, zero-width characters, BOMs and replacement characters.
const INVISIBLE = /[\p{Cc}\u00ad\u200b-\u200f\u2060\ufeff\ufffd]/gu;
const PAGE_NUMBER =
  /^(page|seite|p\.)?\s*[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(\s*(of|\/|von)\s*\d{1,4})?$/i;
const BULLET = /^([•◦▪●■*–-]|\d{1,3}[.)])\s/;
// Chinese and Japanese lines join without a space (Korean uses spaces between words).
const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;
// Prefixes that usually form real compounds, so "self-\ncontained" keeps its hyphen.
const COMPOUND_PREFIX = new Set(
  'self well non co multi cross high low long short two three four state real run just built pre post semi half full so anti inter intra'.split(
    ' ',
  ),
);

function normaliseLine(line: string): string {
  return (
    line
      .normalize('NFKC')
      // TeX draws accents as separate spacing glyphs ("na ̈ıve" after NFKC); put the mark on its letter.
      .replace(
        / ([\u0300-\u036f])(\p{L})/gu,
        (_m, mark: string, letter: string) => (letter === 'ı' ? 'i' : letter) + mark,
      )
      .normalize('NFC')
      .replace(/\t/g, ' ')
      .replace(INVISIBLE, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Lines compared across pages: case and digits ignored, so "Page 3 of 10" matches "Page 4 of 10". */
function edgeKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

// Running heads and folios sit in the top or bottom band of the page, set off from the body by more than
// the body's own line spacing; a body line at the top of a column is followed closely by the next line.
const TOP_BAND = 0.15;
const BOTTOM_BAND = 0.85;
const SET_OFF = 0.6;

type Edge = 'top' | 'bottom';

function overlapsHorizontally(a: PageLine, b: PageLine): boolean {
  return a.rect.x < b.rect.x + b.rect.width && b.rect.x < a.rect.x + a.rect.width;
}

/** Which band a layout line is a running head or folio candidate in, by its position alone. */
function edgeOf(line: PageLine, lines: PageLine[]): Edge | undefined {
  const { y, height } = line.rect;
  const top = y + height < TOP_BAND;
  const bottom = y > BOTTOM_BAND;
  if (!top && !bottom) return undefined;
  let gap = Number.POSITIVE_INFINITY;
  let anyGap = Number.POSITIVE_INFINITY;
  for (const other of lines) {
    if (other === line) continue;
    const d = top ? other.rect.y - (y + height) : y - (other.rect.y + other.rect.height);
    // Lines on the same row (the other half of a header) do not count as its neighbours.
    if (d < -0.5 * height) continue;
    anyGap = Math.min(anyGap, d);
    if (overlapsHorizontally(line, other)) gap = Math.min(gap, d);
  }
  const nearest = Number.isFinite(gap) ? gap : anyGap;
  return nearest >= SET_OFF * height ? (top ? 'top' : 'bottom') : undefined;
}

/** Lines grouped into visual rows, top to bottom: a line whose middle lies within a row's extent joins it. */
function rowsOf(lines: PageLine[]): PageLine[][] {
  const sorted = [...lines].sort((a, b) => a.rect.y - b.rect.y);
  const rows: { bottom: number; lines: PageLine[] }[] = [];
  for (const line of sorted) {
    const middle = line.rect.y + line.rect.height / 2;
    const row = rows[rows.length - 1];
    if (row && middle <= row.bottom) {
      row.lines.push(line);
      row.bottom = Math.max(row.bottom, line.rect.y + line.rect.height);
    } else rows.push({ bottom: line.rect.y + line.rect.height, lines: [line] });
  }
  return rows.map((r) => r.lines);
}

/**
 * Candidate source lines (indexes into the page text split at newlines) in the top or bottom band. With
 * line boxes the band is decided by position; a page without them (tests, plain text) offers only its
 * first and last line.
 */
function edgeLines(page: ExtractedPage, texts: string[]): Map<number, Edge> {
  const edges = new Map<number, Edge>();
  if (!page.lines || page.lines.length === 0) {
    const filled = texts.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
    if (filled.length >= 3) {
      edges.set(filled[0], 'top');
      edges.set(filled[filled.length - 1], 'bottom');
    }
    return edges;
  }
  const starts: number[] = [];
  let at = 0;
  for (const text of page.text.split('\n')) {
    starts.push(at);
    at += text.length + 1;
  }
  const lineIndex = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Running heads are a small part of a page: only its first and last few rows qualify, fewer on a short
  // page, or a templated body sentence repeated on every slide would be taken for a header.
  const rows = rowsOf(page.lines);
  const edgeRows = Math.max(1, Math.min(3, Math.floor(rows.length / 4)));
  const topRows = new Set(rows.slice(0, edgeRows).flat());
  const bottomRows = new Set(rows.slice(-edgeRows).flat());
  const byLine = new Map<number, (Edge | undefined)[]>();
  for (const line of page.lines) {
    const i = lineIndex(line.charStart);
    const list = byLine.get(i) ?? [];
    const edge = edgeOf(line, page.lines);
    const inBand = edge === 'top' ? topRows.has(line) : edge === 'bottom' && bottomRows.has(line);
    list.push(inBand ? edge : undefined);
    byLine.set(i, list);
  }
  for (const [i, list] of byLine) {
    // A source line is a candidate only when every box on it is (a header split into left and right parts).
    if (list[0] && list.every((e) => e === list[0])) edges.set(i, list[0]);
  }
  // A running head sits above or below a body: a page made only of candidates (one line, a title slide)
  // has none.
  return edges.size < byLine.size ? edges : new Map();
}

function findRunningHeads(lines: string[][], edges: Map<number, Edge>[]): Set<string> {
  const counts = new Map<string, number>();
  lines.forEach((texts, p) => {
    const seen = new Set([...edges[p]].map(([i, edge]) => `${edge}:${edgeKey(texts[i])}`));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  // Books alternate left and right running heads, so "most pages" has to mean a bit under half.
  const threshold = Math.max(3, Math.ceil(lines.length * 0.4));
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key));
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]] ?? 0;
    total += value < (ROMAN[text[i + 1]] ?? 0) ? -value : value;
  }
  return total;
}

/** "12" → 12, "Page 3 of 10" → 3, "iv" → 4: the number a folio line prints, if it is one. */
function folioValue(line: string): number | undefined {
  const m = PAGE_NUMBER.exec(line);
  if (!m) return undefined;
  return /^\d/.test(m[2]) ? Number(m[2]) : romanValue(m[2].toLowerCase());
}

/**
 * Folios count up with the pages: printed number minus physical number is the same on many pages. A lone
 * number in the band whose offset no other page shares (an axis tick of a figure at the top of a page) is
 * body text.
 */
function folioOffsets(lines: string[][], edges: Map<number, Edge>[], pageNumbers: number[]): Set<string> {
  const pagesByOffset = new Map<string, Set<number>>();
  lines.forEach((texts, p) => {
    for (const [i] of edges[p]) {
      const value = folioValue(texts[i]);
      if (value === undefined) continue;
      const roman = !/\d/.test(texts[i]);
      const key = `${roman ? 'r' : 'a'}${value - pageNumbers[p]}`;
      const pages = pagesByOffset.get(key) ?? new Set();
      pages.add(p);
      pagesByOffset.set(key, pages);
    }
  });
  return new Set([...pagesByOffset].filter(([, pages]) => pages.size >= 2).map(([key]) => key));
}

function isFolio(line: string, pageNumber: number, offsets: Set<string>): boolean {
  const value = folioValue(line);
  if (value === undefined) return false;
  return offsets.has(`${/\d/.test(line) ? 'a' : 'r'}${value - pageNumber}`);
}

function collectWords(pages: string[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of pages) {
    for (const line of lines) for (const w of line.toLowerCase().match(/[\p{L}-]+/gu) ?? []) words.add(w);
  }
  return words;
}

// "infor-\nmation" is a line-end split; "state-\nof-the-art" or "Jean-\nPaul" keeps its hyphen.
function hyphenJoin(prevTail: string, next: string, words: Set<string>): 'keep' | 'drop' | undefined {
  const head = /(\p{L}+(?:-\p{L}+)*)-$/u.exec(prevTail);
  if (!head) return undefined;
  // A capital or digit after the break ("Jean-\nPaul", "COVID-\n19") means the hyphen is real.
  if (/^[\p{Lu}\p{N}]/u.test(next)) return 'keep';
  const tail = /^(\p{Ll}\p{L}*)/u.exec(next);
  if (!tail) return undefined;
  const a = head[1].toLowerCase();
  const b = tail[1].toLowerCase();
  const keep =
    a.includes('-') ||
    (words.has(`${a}-${b}`) && !words.has(a + b)) ||
    (COMPOUND_PREFIX.has(a) && !words.has(a + b));
  return keep ? 'keep' : 'drop';
}

/**
 * Cleans pages one by one so page numbers stay exact: NFKC (ligatures, presentation forms), invisible and
 * control characters removed, running heads and page numbers dropped, line-end hyphenation undone,
 * paragraph lines joined, whitespace normalised. Paragraphs are separated by one blank line.
 */
export function cleanPages(pages: ExtractedPage[], options: CleanOptions = {}): CleanedPage[] {
  const { removeRunningHeads = true, unwrapLines = true } = options;
  const raw = pages.map((p) => p.text.split('\n'));
  const lines = raw.map((ls) => ls.map(normaliseLine));
  const edges = removeRunningHeads ? pages.map((page, p) => edgeLines(page, raw[p])) : [];
  const heads = removeRunningHeads && pages.length >= 3 ? findRunningHeads(lines, edges) : new Set<string>();
  const words = unwrapLines ? collectWords(lines) : new Set<string>();
  const folios = removeRunningHeads
    ? folioOffsets(
        lines,
        edges,
        pages.map((page) => page.number),
      )
    : new Set<string>();

  return pages.map((page, p) => {
    const drop = new Set<number>();
    if (removeRunningHeads && pages.length >= 2) {
      for (const [i, edge] of edges[p]) {
        const line = lines[p][i];
        if (heads.has(`${edge}:${edgeKey(line)}`) || isFolio(line, page.number, folios)) drop.add(i);
      }
    }
    const headingAt = new Map((page.headings ?? []).map((h) => [h.charStart, h]));
    const headings: NonNullable<CleanedPage['headings']> = [];
    let text = '';
    const anchors: Anchor[] = [];
    let rawOffset = 0;
    let paragraphOpen = false;
    let pendingBreak = false;
    const keep = (line: string, rawStart: number, rawLength: number) => {
      anchors.push({ clean: text.length, raw: rawStart, cleanLength: line.length, rawLength });
      text += line;
    };
    for (let i = 0; i < lines[p].length; i++) {
      const line = lines[p][i];
      const rawStart = rawOffset;
      const rawLength = raw[p][i].length;
      rawOffset += rawLength + 1;
      if (!line) {
        pendingBreak = paragraphOpen;
        continue;
      }
      if (drop.has(i)) continue;
      const heading = headingAt.get(rawStart);
      if (!paragraphOpen || pendingBreak || heading) {
        if (paragraphOpen) text += '\n\n';
        if (heading) headings.push({ offset: text.length, level: heading.level, title: line });
        keep(line, rawStart, rawLength);
        paragraphOpen = true;
        // A heading is a block of its own: what follows starts a new one.
        pendingBreak = !!heading;
        continue;
      }
      const hyphen = unwrapLines && !BULLET.test(line) ? hyphenJoin(text.slice(-64), line, words) : undefined;
      if (hyphen !== undefined) {
        if (hyphen === 'drop') text = text.slice(0, -1);
        keep(line, rawStart, rawLength);
        continue;
      }
      const glue =
        !unwrapLines || BULLET.test(line) ? '\n' : CJK_END.test(text) && CJK_START.test(line) ? '' : ' ';
      text += glue;
      keep(line, rawStart, rawLength);
    }
    return {
      number: page.number,
      text,
      anchors,
      ...(page.label ? { label: page.label } : {}),
      ...(headings.length > 0 ? { headings } : {}),
    };
  });
}
