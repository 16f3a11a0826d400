import type { Box, PageLine, Rect } from './types.ts';

/** A pdf.js text item reduced to what layout needs; x/y is the baseline start in page space. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in page units. */
  size: number;
  rtl?: boolean;
  /** Font resource name (pdf.js `fontName`), for heading statistics. */
  font?: string;
  /** Exact vertical extent when known (OCR word boxes); otherwise estimated from the size. */
  bottom?: number;
  top?: number;
}

interface Line {
  items: PositionedText[];
  x0: number;
  x1: number;
  y: number;
  bottom: number;
  top: number;
  size: number;
  text: string;
  font?: string;
}

export interface PageLayout {
  text: string;
  lines: PageLine[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

// Superscripts and small baseline jitter stay on the line; the next line (pitch >= ~1 em) does not.
// Compares the vertical extents (descender to ascender) rather than baselines, so a raised footnote mark
// overlaps its line even when its baseline is half an em higher.
function sameRow(aY: number, aSize: number, bY: number, bSize: number): boolean {
  return overlap(aY, aSize, bY, bSize) >= 0.5 * Math.min(aSize, bSize);
}

function makeLine(items: PositionedText[]): Line {
  const rtlCount = items.filter((i) => i.rtl).length;
  const rtl = rtlCount * 2 > items.length;
  const ordered = rtl ? [...items].sort((a, b) => b.x - a.x) : items;
  let size = 0;
  let y = ordered[0].y;
  let text = '';
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let bottom = Number.POSITIVE_INFINITY;
  let top = Number.NEGATIVE_INFINITY;
  let prev: PositionedText | undefined;
  const fontChars = new Map<string, number>();
  for (const item of ordered) {
    if (item.font) fontChars.set(item.font, (fontChars.get(item.font) ?? 0) + item.str.length);
    if (item.size > size) {
      size = item.size;
      y = item.y;
    }
    if (prev) {
      const gap = rtl ? prev.x - (item.x + item.width) : item.x - (prev.x + prev.width);
      const spaced = /\s$/.test(text) || /^\s/.test(item.str);
      if (!spaced && gap > 0.15 * Math.min(prev.size, item.size)) text += ' ';
    }
    text += item.str;
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    bottom = Math.min(bottom, item.bottom ?? item.y - 0.2 * item.size);
    top = Math.max(top, item.top ?? item.y + 0.8 * item.size);
    prev = item;
  }
  const font = [...fontChars].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { items: ordered, x0, x1, y, bottom, top, size, font, text: text.replace(/\s+/g, ' ').trim() };
}

interface Row {
  y: number;
  size: number;
  items: PositionedText[];
}

function overlap(aY: number, aSize: number, bY: number, bSize: number): number {
  return Math.min(aY + 0.8 * aSize, bY + 0.8 * bSize) - Math.max(aY - 0.2 * aSize, bY - 0.2 * bSize);
}

function horizontalDistance(item: PositionedText, row: Row): number {
  let best = Number.POSITIVE_INFINITY;
  for (const other of row.items) {
    const d = Math.max(other.x - (item.x + item.width), item.x - (other.x + other.width), 0);
    if (d < best) best = d;
  }
  return best;
}

// Footnote marks and sub/superscripts sit between two lines' baselines (and next to a neighbouring column's
// line); they join the overlapping row that they actually touch horizontally.
function attachSmallItem(item: PositionedText, rows: Row[]): void {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].y > item.y + 2 * item.size + 2 * rows[mid].size) lo = mid + 1;
    else hi = mid;
  }
  let best: Row | undefined;
  let bestOverlap = 0;
  for (let i = lo; i < rows.length && rows[i].y >= item.y - 3 * Math.max(item.size, rows[i].size); i++) {
    const row = rows[i];
    const o = overlap(item.y, item.size, row.y, row.size);
    if (o < 0.5 * Math.min(item.size, row.size) || o <= bestOverlap) continue;
    if (horizontalDistance(item, row) > 1.5 * row.size) continue;
    best = row;
    bestOverlap = o;
  }
  if (best) best.items.push(item);
  else {
    const at = rows.findIndex((r) => r.y < item.y);
    rows.splice(at < 0 ? rows.length : at, 0, { y: item.y, size: item.size, items: [item] });
  }
}

/** Groups items into rows by baseline, then splits rows at wide gaps so each column keeps its own line. */
export function buildLines(items: PositionedText[]): Line[] {
  const visible = items.filter((i) => i.str.trim() !== '');
  const body = median(visible.map((i) => i.size));
  const sorted = visible.filter((i) => i.size >= 0.8 * body).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  let row: Row | undefined;
  for (const item of sorted) {
    if (row && sameRow(item.y, item.size, row.y, row.size)) {
      row.items.push(item);
      if (item.size > row.size) {
        row.size = item.size;
        row.y = item.y;
      }
      continue;
    }
    row = { y: item.y, size: item.size, items: [item] };
    rows.push(row);
  }
  for (const item of visible) if (item.size < 0.8 * body) attachSmallItem(item, rows);

  const lines: Line[] = [];
  for (const { items: r } of rows) {
    r.sort((a, b) => a.x - b.x);
    let segment: PositionedText[] = [r[0]];
    let end = r[0].x + r[0].width;
    for (let i = 1; i < r.length; i++) {
      const item = r[i];
      // A gap wider than about an em is a column gutter or a table cell boundary, not a word space.
      if (item.x - end > 1.0 * Math.max(item.size, segment[segment.length - 1].size)) {
        lines.push(makeLine(segment));
        segment = [];
      }
      segment.push(item);
      end = Math.max(end, item.x + item.width);
    }
    lines.push(makeLine(segment));
  }
  return lines;
}

interface CutContext {
  minGutter: number;
  minColumnWidth: number;
}

// Vertical whitespace that no line crosses, with real text on both sides, separates columns.
function findGutters(lines: Line[], ctx: CutContext): number[] {
  const spans = lines.map((l) => [l.x0, l.x1]).sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let reach = spans[0][1];
  const left = spans[0][0];
  for (let i = 1; i < spans.length; i++) {
    const [s, e] = spans[i];
    if (s - reach >= ctx.minGutter) cuts.push((s + reach) / 2);
    reach = Math.max(reach, e);
  }
  const right = reach;
  const bounds = [left, ...cuts, right];
  const columns = bounds.slice(1).map((end, i) => lines.filter((l) => l.x0 >= bounds[i] && l.x1 <= end));
  const prose = columns.some(
    (c) => c.length >= 2 && c.reduce((n, l) => n + l.text.length, 0) / c.length >= 15,
  );
  const wide = bounds.slice(1).every((end, i) => end - bounds[i] >= ctx.minColumnWidth);
  // Tables also have vertical whitespace; requiring a prose-like column keeps their rows intact.
  return cuts.length > 0 && prose && wide ? cuts : [];
}

function findRowCuts(lines: Line[]): number[] {
  const spans = lines.map((l) => [l.top, l.bottom]).sort((a, b) => b[0] - a[0]);
  const gaps: { at: number; size: number }[] = [];
  let low = spans[0][1];
  for (let i = 1; i < spans.length; i++) {
    const [t, b] = spans[i];
    if (low - t > 0) gaps.push({ at: (low + t) / 2, size: low - t });
    low = Math.min(low, b);
  }
  if (gaps.length === 0) return [];
  const widest = Math.max(...gaps.map((g) => g.size));
  // Cut only at the widest gaps: a title or footer sits farther away than the column's own line spacing.
  return gaps.filter((g) => g.size >= widest * 0.75).map((g) => g.at);
}

/** Recursive XY-cut: columns left to right when a gutter exists, otherwise bands top to bottom. */
function readingOrder(lines: Line[], ctx: CutContext, out: Line[][]): void {
  if (lines.length <= 1) {
    if (lines.length === 1) out.push(lines);
    return;
  }
  const gutters = findGutters(lines, ctx);
  if (gutters.length > 0) {
    const bounds = [Number.NEGATIVE_INFINITY, ...gutters, Number.POSITIVE_INFINITY];
    for (let i = 1; i < bounds.length; i++) {
      const col = lines.filter((l) => (l.x0 + l.x1) / 2 > bounds[i - 1] && (l.x0 + l.x1) / 2 <= bounds[i]);
      readingOrder(col, ctx, out);
    }
    return;
  }
  const cuts = findRowCuts(lines);
  if (cuts.length === 0) {
    out.push([...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0));
    return;
  }
  const bounds = [Number.POSITIVE_INFINITY, ...cuts, Number.NEGATIVE_INFINITY];
  for (let i = 1; i < bounds.length; i++) {
    const band = lines.filter(
      (l) => (l.top + l.bottom) / 2 < bounds[i - 1] && (l.top + l.bottom) / 2 >= bounds[i],
    );
    readingOrder(band, ctx, out);
  }
}

function separator(prev: Line, line: Line, pitch: number): string {
  // Segments of one table row (same baseline) stay on one text line.
  if (sameRow(prev.y, prev.size, line.y, line.size)) return ' ';
  const below = prev.y - line.y;
  if (below > 0) {
    const overlaps = line.x0 < prev.x1 && line.x1 > prev.x0;
    const sizeChange = Math.abs(prev.size - line.size) > 0.2 * Math.max(prev.size, line.size);
    const limit = pitch > 0 ? Math.max(pitch * 1.4, prev.size * 1.3) : prev.size * 1.8;
    const indented = line.x0 - prev.x0 > 0.8 * line.size && line.x0 - prev.x0 < 4 * line.size;
    // A short line before a capitalised one ends a paragraph or is a heading ("Abstract", "1. Introduction").
    const shortBefore =
      prev.x1 - prev.x0 < 0.7 * (line.x1 - line.x0) &&
      /^[\p{Lu}\d•]/u.test(line.text) &&
      !/[,;\-–]$/.test(prev.text);
    return overlaps && !sizeChange && below <= limit && !indented && !shortBefore ? '\n' : '\n\n';
  }
  // Jumping up to the next column: a sentence that runs on continues the paragraph.
  const runsOn = !/[.!?:;]["')\]]?$/.test(prev.text) && /^[a-z(]/.test(line.text);
  return runsOn ? '\n' : '\n\n';
}

/**
 * Turns positioned text into page text in reading order, with each line's box and char offsets; `toRect`
 * maps a layout box to the normalised rectangle a viewer highlights.
 */
export function layoutPage(
  items: PositionedText[],
  pageWidth: number,
  toRect: (box: Box) => Rect,
  rotated: string[] = [],
): PageLayout {
  const lines = buildLines(items);
  const size = median(lines.map((l) => l.size)) || 10;
  const ctx: CutContext = {
    minGutter: Math.max(5, 0.7 * size),
    minColumnWidth: Math.max(40, pageWidth * 0.1),
  };
  const blocks: Line[][] = [];
  if (lines.length > 0) readingOrder(lines, ctx, blocks);
  const ordered = blocks.flat();

  const pitches: number[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const d = ordered[i - 1].y - ordered[i].y;
    if (d > 0.5 * ordered[i].size && d < 3 * ordered[i].size) pitches.push(d);
  }
  const pitch = median(pitches);

  let text = '';
  const pageLines: PageLine[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const line = ordered[i];
    if (i > 0) text += separator(ordered[i - 1], line, pitch);
    const box: Box = { x: line.x0, y: line.bottom, width: line.x1 - line.x0, height: line.top - line.bottom };
    pageLines.push({
      text: line.text,
      charStart: text.length,
      charEnd: text.length + line.text.length,
      box,
      rect: toRect(box),
      size: line.size,
      ...(line.font ? { font: line.font } : {}),
    });
    text += line.text;
  }
  // Rotated text (margin stamps, vertical captions) has no place in the flow; keep it, last.
  const side = rotated.join(' ').replace(/\s+/g, ' ').trim();
  if (side) text += (text ? '\n\n' : '') + side;
  return { text, lines: pageLines };
}
