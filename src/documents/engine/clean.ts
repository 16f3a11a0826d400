import type { ExtractedPage } from './types.ts';

export interface CleanedPage {
  number: number;
  text: string;
  /**
   * For each kept source line: where it starts in `text` and in the extracted page text, so a quote found
   * in cleaned text can be traced back to PDF line boxes.
   */
  anchors: { clean: number; raw: number }[];
}

export interface CleanOptions {
  /** Drop running headers, footers and page numbers (PDF only: other formats have no running heads). */
  removeRunningHeads?: boolean;
  /** Join the visual lines of a paragraph (PDF); DOCX and text keep their newlines (table rows, lists). */
  unwrapLines?: boolean;
}

const EDGE_LINES = 3;
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

function edgeIndexes(lines: string[]): number[] {
  const filled = lines.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
  // Running heads are a small part of a page; on a short page only its first and last line qualify, or a
  // templated body sentence repeated on every slide would be taken for a header.
  const edge = Math.max(1, Math.min(EDGE_LINES, Math.floor(filled.length / 4)));
  if (filled.length <= edge * 2) return filled;
  return [...filled.slice(0, edge), ...filled.slice(-edge)];
}

function findRunningHeads(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set(edgeIndexes(lines).map((i) => edgeKey(lines[i])));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Books alternate left and right running heads, so "most pages" has to mean a bit under half.
  const threshold = Math.max(3, Math.ceil(pages.length * 0.4));
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key));
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
  const heads = removeRunningHeads && pages.length >= 3 ? findRunningHeads(lines) : new Set<string>();
  const words = unwrapLines ? collectWords(lines) : new Set<string>();

  return pages.map((page, p) => {
    const drop = new Set<number>();
    if (removeRunningHeads && pages.length >= 2) {
      for (const i of edgeIndexes(lines[p])) {
        if (heads.has(edgeKey(lines[p][i])) || PAGE_NUMBER.test(lines[p][i])) drop.add(i);
      }
    }
    let text = '';
    const anchors: CleanedPage['anchors'] = [];
    let rawOffset = 0;
    let paragraphOpen = false;
    let pendingBreak = false;
    for (let i = 0; i < lines[p].length; i++) {
      const line = lines[p][i];
      const rawStart = rawOffset;
      rawOffset += raw[p][i].length + 1;
      if (!line) {
        pendingBreak = paragraphOpen;
        continue;
      }
      if (drop.has(i)) continue;
      if (!paragraphOpen) {
        anchors.push({ clean: text.length, raw: rawStart });
        text += line;
        paragraphOpen = true;
        pendingBreak = false;
        continue;
      }
      if (pendingBreak) {
        text += '\n\n';
        pendingBreak = false;
        anchors.push({ clean: text.length, raw: rawStart });
        text += line;
        continue;
      }
      const hyphen = unwrapLines && !BULLET.test(line) ? hyphenJoin(text.slice(-64), line, words) : undefined;
      if (hyphen !== undefined) {
        if (hyphen === 'drop') text = text.slice(0, -1);
        anchors.push({ clean: text.length, raw: rawStart });
        text += line;
        continue;
      }
      const glue =
        !unwrapLines || BULLET.test(line) ? '\n' : CJK_END.test(text) && CJK_START.test(line) ? '' : ' ';
      text += glue;
      anchors.push({ clean: text.length, raw: rawStart });
      text += line;
    }
    return { number: page.number, text, anchors };
  });
}
