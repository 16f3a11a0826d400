/**
 * Headings of a PDF: from its outline (bookmarks) when it has one, since the author made those; otherwise
 * from type: lines set larger than the body text, or in a rarely used font at body size (bold run-in
 * heads), that stand alone, are short and do not repeat on many pages (running heads).
 */
import type { ExtractedPage, PageHeading, PageLine } from './types.ts';

/** A bookmark resolved to its page (1-based) and, when the destination gives one, its top in page space. */
export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  top?: number;
}

const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 16;

function simplify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function lineTop(line: PageLine): number {
  return line.box.y + line.box.height;
}

/** The line an outline entry points at: its title's text nearest the destination, else the first line below it. */
function lineForEntry(entry: OutlineEntry, lines: PageLine[]): PageLine | undefined {
  const title = simplify(entry.title);
  if (!title) return undefined;
  const matches = lines.filter((l) => {
    const text = simplify(l.text);
    return text.length > 0 && (text.startsWith(title.slice(0, 24)) || title.startsWith(text));
  });
  if (matches.length > 0) {
    if (entry.top === undefined) return matches[0];
    return matches.reduce((best, l) =>
      Math.abs(lineTop(l) - entry.top!) < Math.abs(lineTop(best) - entry.top!) ? l : best,
    );
  }
  if (entry.top === undefined) return undefined;
  const below = lines.filter((l) => lineTop(l) <= entry.top! + 2);
  return below.sort((a, b) => lineTop(b) - lineTop(a))[0];
}

export function headingsFromOutline(pages: ExtractedPage[], outline: OutlineEntry[]): void {
  for (const entry of outline) {
    const page = pages[entry.page - 1];
    if (!page?.lines) continue;
    const line = lineForEntry(entry, page.lines);
    if (!line) continue;
    page.headings ??= [];
    if (page.headings.some((h) => h.charStart === line.charStart)) continue;
    page.headings.push({ charStart: line.charStart, level: entry.level, title: entry.title.trim() });
  }
  for (const page of pages) page.headings?.sort((a, b) => a.charStart - b.charStart);
}

const sizeKey = (size: number) => Math.round(size * 2) / 2;

/** A line that could be a heading by its words alone: short, starts like a title, is not a sentence end. */
function headingShaped(text: string): boolean {
  if (text.length < 2 || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  if (!/\p{L}{2}/u.test(text)) return false;
  if (!/^[\p{Lu}\p{N}§]/u.test(text)) return false;
  return !/[,;:]$/.test(text) && !/[^.]\.$/.test(text.replace(/^\d+(\.\d+)*\.?\s/, ''));
}

/** Starts a block: the page text breaks a paragraph before and after it. */
function standsAlone(page: ExtractedPage, line: PageLine): boolean {
  const before = page.text.slice(Math.max(0, line.charStart - 2), line.charStart);
  const after = page.text.slice(line.charEnd, line.charEnd + 2);
  return (
    (line.charStart === 0 || before === '\n\n') && (line.charEnd === page.text.length || after === '\n\n')
  );
}

export function headingsFromType(pages: ExtractedPage[]): void {
  const sizeChars = new Map<number, number>();
  const fontChars = new Map<string, number>();
  const repeats = new Map<string, number>();
  let total = 0;
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of page.lines ?? []) {
      const n = line.text.length;
      total += n;
      const size = sizeKey(line.size ?? 0);
      sizeChars.set(size, (sizeChars.get(size) ?? 0) + n);
      if (line.font) fontChars.set(line.font, (fontChars.get(line.font) ?? 0) + n);
      seen.add(line.text.toLowerCase().replace(/\d+/g, '#'));
    }
    for (const key of seen) repeats.set(key, (repeats.get(key) ?? 0) + 1);
  }
  if (total === 0) return;
  const body = [...sizeChars].sort((a, b) => b[1] - a[1])[0][0];
  const bodyFont = [...fontChars].sort((a, b) => b[1] - a[1])[0]?.[0];

  const found: { page: ExtractedPage; line: PageLine; size: number; larger: boolean }[] = [];
  for (const page of pages) {
    for (const line of page.lines ?? []) {
      const size = sizeKey(line.size ?? 0);
      const larger = size >= body * 1.15;
      const rareFont =
        !!line.font &&
        line.font !== bodyFont &&
        (fontChars.get(line.font) ?? 0) < total * 0.03 &&
        size >= body * 0.95;
      if (!larger && !rareFont) continue;
      if (!headingShaped(line.text) || !standsAlone(page, line)) continue;
      if ((repeats.get(line.text.toLowerCase().replace(/\d+/g, '#')) ?? 0) >= 3) continue;
      found.push({ page, line, size, larger });
    }
  }
  // When most lines qualify the type says nothing about structure (slides, forms): no headings then.
  const lines = pages.reduce((n, p) => n + (p.lines?.length ?? 0), 0);
  if (found.length === 0 || found.length > Math.max(3, lines * 0.15)) return;
  const sizes = [...new Set(found.filter((f) => f.larger).map((f) => f.size))].sort((a, b) => b - a);
  for (const f of found) {
    const rank = f.larger ? sizes.indexOf(f.size) : sizes.length;
    const heading: PageHeading = {
      charStart: f.line.charStart,
      level: Math.min(rank, 3) + 1,
      title: f.line.text,
    };
    f.page.headings ??= [];
    f.page.headings.push(heading);
  }
  for (const page of pages) page.headings?.sort((a, b) => a.charStart - b.charStart);
}
