/**
 * From text back to the page: which line boxes a chunk (or a quote inside it) covers. Cleaning keeps an
 * anchor per source line (where it starts in the cleaned and in the extracted text); each extracted line
 * knows its box, so a char range of cleaned text maps to boxes, trimmed at the range's first and last
 * character in proportion to the characters of the line (item positions are not kept past extraction).
 */
import { PAGE_SEPARATOR } from './chunk.ts';
import type { Anchor, CleanedPage } from './clean.ts';
import type { ChunkDraft, ChunkLine, ExtractedPage, Highlight, PageLine } from './types.ts';

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** The part of `line` between raw offsets [from, to), as a box trimmed horizontally. */
function trimmed(line: PageLine, from: number, to: number): [number, number] {
  const length = Math.max(1, line.charEnd - line.charStart);
  const f0 = Math.max(0, (from - line.charStart) / length);
  const f1 = Math.min(1, (to - line.charStart) / length);
  return [round(line.rect.x + f0 * line.rect.width), round((f1 - f0) * line.rect.width)];
}

/** Raw offset of a cleaned offset inside one anchor's line, in proportion to the two lengths. */
function rawOffset(anchor: Anchor, clean: number): number {
  const into = Math.min(Math.max(0, clean - anchor.clean), anchor.cleanLength);
  const ratio = anchor.cleanLength > 0 ? anchor.rawLength / anchor.cleanLength : 1;
  return anchor.raw + Math.round(into * ratio);
}

/**
 * Line boxes of a char range of one cleaned page ([start, end) in its text); `base` is added to the
 * returned char offsets.
 */
function pageLines(
  page: ExtractedPage,
  cleaned: CleanedPage,
  start: number,
  end: number,
  base: number,
): ChunkLine[] {
  const out: ChunkLine[] = [];
  if (!page.lines?.length) return out;
  for (const anchor of cleaned.anchors) {
    const lineEnd = anchor.clean + anchor.cleanLength;
    if (lineEnd <= start || anchor.clean >= end) continue;
    const cleanFrom = Math.max(start, anchor.clean);
    const cleanTo = Math.min(end, lineEnd);
    const rawFrom = rawOffset(anchor, cleanFrom);
    const rawTo = rawOffset(anchor, cleanTo);
    for (const line of page.lines) {
      if (line.charEnd <= rawFrom || line.charStart >= rawTo) continue;
      const [x, width] = trimmed(line, rawFrom, rawTo);
      if (width <= 0) continue;
      // The chunk's chars this box covers: the part of the anchor's cleaned line under this layout line.
      const ratio = anchor.rawLength > 0 ? anchor.cleanLength / anchor.rawLength : 1;
      const cs = anchor.clean + Math.round((Math.max(rawFrom, line.charStart) - anchor.raw) * ratio);
      const ce = anchor.clean + Math.round((Math.min(rawTo, line.charEnd) - anchor.raw) * ratio);
      out.push({
        page: page.number,
        x,
        y: line.rect.y,
        width,
        height: line.rect.height,
        charStart: base + Math.max(cs, start) - start,
        charEnd: base + Math.min(ce, end) - start,
      });
    }
  }
  return out;
}

/**
 * The line boxes of every chunk, with char offsets into the chunk's text. Pages without boxes (Word,
 * text) give none.
 */
export function attachChunkLines(
  extracted: ExtractedPage[],
  cleaned: CleanedPage[],
  chunks: ChunkDraft[],
): void {
  if (!extracted.some((p) => p.lines?.length)) return;
  const starts: number[] = [];
  let at = 0;
  for (const page of cleaned) {
    starts.push(at);
    at += page.text.length + PAGE_SEPARATOR.length;
  }
  const index = new Map(cleaned.map((p, i) => [p.number, i]));
  for (const chunk of chunks) {
    const header = chunk.text.length - (chunk.charEnd - chunk.charStart);
    const lines: ChunkLine[] = [];
    for (let n = chunk.pageStart; n <= chunk.pageEnd; n++) {
      const i = index.get(n);
      if (i === undefined) continue;
      const pageStart = starts[i];
      const from = Math.max(chunk.charStart, pageStart) - pageStart;
      const to = Math.min(chunk.charEnd, pageStart + cleaned[i].text.length) - pageStart;
      if (to <= from) continue;
      lines.push(
        ...pageLines(extracted[i], cleaned[i], from, to, header + pageStart + from - chunk.charStart),
      );
    }
    chunk.lines = lines;
  }
}

/**
 * Boxes of [start, end) of a chunk's text: the lines it spans, the first and last trimmed to the range.
 * Boxes on one row (a line split into column segments) stay separate.
 */
export function highlightsForRange(lines: ChunkLine[], start: number, end: number): Highlight[] {
  const out: Highlight[] = [];
  for (const line of lines) {
    if (line.charEnd <= start || line.charStart >= end) continue;
    const length = Math.max(1, line.charEnd - line.charStart);
    const f0 = Math.max(0, (start - line.charStart) / length);
    const f1 = Math.min(1, (end - line.charStart) / length);
    out.push({
      page: line.page,
      x: round(line.x + f0 * line.width),
      y: line.y,
      width: round((f1 - f0) * line.width),
      height: line.height,
    });
  }
  return out;
}

/** Stored form: one array per line, [page, x, y, width, height, charStart, charEnd]. */
export type PackedLine = [number, number, number, number, number, number, number];

export function packLines(lines: ChunkLine[]): PackedLine[] {
  return lines.map((l) => [l.page, l.x, l.y, l.width, l.height, l.charStart, l.charEnd]);
}

export function unpackLines(packed: PackedLine[] | null | undefined): ChunkLine[] {
  return (packed ?? []).map(([page, x, y, width, height, charStart, charEnd]) => ({
    page,
    x,
    y,
    width,
    height,
    charStart,
    charEnd,
  }));
}
