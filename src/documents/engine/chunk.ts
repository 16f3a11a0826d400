import { type Span, splitSentences } from '../../text/sentences.ts';
import { countTokens } from '../../text/tokens.ts';
import type { ChunkDraft } from './types.ts';

export interface ChunkOptions {
  targetTokens?: number;
  overlapRatio?: number;
  /** A new page starts a new chunk: slides and e-book pages are what a citation names. */
  breakAtPages?: boolean;
}

export interface PageText {
  number: number;
  text: string;
  /** Printed page label; the physical number is used when absent. */
  label?: string;
  /** Blocks of `text` that are headings (PDF), by their start offset; DOCX marks them `# ` instead. */
  headings?: { offset: number; level: number; title: string }[];
}

/** Pages are joined by this in the document text that chunk offsets index into. */
export const PAGE_SEPARATOR = '\n\n';

interface Unit {
  start: number;
  end: number;
  page: number;
  tokens: number;
  heading: boolean;
  /** First unit of a paragraph: a preferred place to cut. */
  opensBlock: boolean;
  headingPath: string[];
  /** A row of a table after its header row: a chunk that starts here repeats the header. */
  tableHeader?: string;
}

// A DOCX table block: every line is a row of ` | `-separated cells.
function tableHeaderOf(block: string): string | undefined {
  const rows = block.split('\n');
  if (rows.length < 2 || !rows.every((r) => r.includes(' | '))) return undefined;
  return rows[0];
}

/** Start offset of each page in the joined document text. */
export function pageOffsets(pages: PageText[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const page of pages) {
    offsets.push(at);
    at += page.text.length + PAGE_SEPARATOR.length;
  }
  return offsets;
}

/** The page number holding a char offset of the joined text (binary search over pageOffsets). */
export function pageAtOffset(pages: PageText[], offsets: number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo]?.number ?? 1;
}

export function documentText(pages: PageText[]): string {
  return pages.map((p) => p.text).join(PAGE_SEPARATOR);
}

// A sentence longer than the target is the only thing ever cut mid-sentence: at a space near the token
// budget (estimated from its chars-per-token), or anywhere for scripts without spaces.
function splitLongSentence(text: string, span: Span, tokens: number, target: number): Span[] {
  const pieces: Span[] = [];
  const charsPerToken = (span.end - span.start) / tokens;
  const step = Math.max(1, Math.floor(target * charsPerToken * 0.9));
  let start = span.start;
  while (span.end - start > step) {
    let cut = text.lastIndexOf(' ', start + step);
    if (cut <= start + step / 2) cut = start + step;
    pieces.push({ start, end: cut });
    start = cut;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

function buildUnits(pages: PageText[], text: string, target: number): Unit[] {
  const offsets = pageOffsets(pages);
  const units: Unit[] = [];
  let path: { level: number; title: string }[] = [];
  pages.forEach((page, p) => {
    const base = offsets[p];
    const marked = new Map((page.headings ?? []).map((h) => [h.offset, h]));
    for (const block of page.text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
      const blockStart = base + (block.index ?? 0);
      const markdown = /^(#{1,6})\s+(.+)$/.exec(block[0]);
      const heading =
        marked.get(block.index ?? 0) ??
        (markdown && !block[0].includes('\n')
          ? { level: markdown[1].length, title: markdown[2].trim() }
          : undefined);
      if (heading) {
        const { level } = heading;
        path = [...path.filter((h) => h.level < level), { level, title: heading.title }];
        const end = blockStart + block[0].length;
        const tokens = countTokens(` ${block[0]}`);
        const headingPath = path.map((h) => h.title);
        units.push({
          start: blockStart,
          end,
          page: page.number,
          tokens,
          heading: true,
          opensBlock: true,
          headingPath,
        });
        continue;
      }
      let first = true;
      const tableHeader = tableHeaderOf(block[0]);
      // Lines inside a block (table rows, list items in text files) are hard sentence boundaries.
      for (const line of block[0].matchAll(/[^\n]+/g)) {
        const lineStart = blockStart + (line.index ?? 0);
        const row = tableHeader !== undefined && (line.index ?? 0) > 0 ? { tableHeader } : {};
        for (const s of splitSentences(line[0])) {
          const span = { start: lineStart + s.start, end: lineStart + s.end };
          const tokens = countTokens(` ${text.slice(span.start, span.end)}`);
          const parts = tokens > target ? splitLongSentence(text, span, tokens, target) : [span];
          for (const part of parts) {
            const partTokens =
              parts.length === 1 ? tokens : countTokens(` ${text.slice(part.start, part.end)}`);
            const headingPath = path.map((h) => h.title);
            units.push({
              ...part,
              page: page.number,
              tokens: partTokens,
              heading: false,
              opensBlock: first,
              headingPath,
              ...row,
            });
            first = false;
          }
        }
      }
    }
  });
  return units;
}

/**
 * Chunks cleaned pages by structure: a heading starts a new chunk (once the current one has some substance),
 * paragraphs are preferred cut points, sentences are never split unless one alone exceeds the target.
 * Consecutive chunks within a section share ~overlapRatio of the target in whole trailing sentences.
 * Chunk text is an exact slice of documentText(pages), except that a chunk starting inside a table begins with
 * that table's header row (not part of its char span); tokenCount sums per-sentence cl100k counts (each
 * counted with its leading space, as in running text), so it can differ from a re-count by a token or two.
 */
export function chunkPages(pages: PageText[], options: ChunkOptions = {}): ChunkDraft[] {
  const target = options.targetTokens ?? 350;
  const overlapBudget = Math.floor(target * (options.overlapRatio ?? 0.15));
  const text = documentText(pages);
  const units = buildUnits(pages, text, target);
  const labels = new Map(pages.map((p) => [p.number, p.label ?? String(p.number)]));
  const chunks: ChunkDraft[] = [];
  let current: Unit[] = [];
  let tokens = 0;
  let fresh = 0; // units in `current` not carried over as overlap

  const emit = () => {
    if (fresh === 0) return;
    const first = current[0];
    const last = current[current.length - 1];
    const body = current.find((u) => !u.heading) ?? first;
    const slice = text.slice(first.start, last.end);
    // A table cut across chunks keeps its header row on top of each part, so every row stays readable.
    const header = first.tableHeader ? `${first.tableHeader}\n` : '';
    chunks.push({
      ordinal: chunks.length,
      text: header + slice,
      pageStart: first.page,
      pageEnd: last.page,
      charStart: first.start,
      charEnd: last.end,
      tokenCount: tokens + (header ? countTokens(header) : 0),
      headingPath: body.headingPath,
      pageLabelStart: labels.get(first.page) ?? String(first.page),
      pageLabelEnd: labels.get(last.page) ?? String(last.page),
      lines: [],
    });
  };
  const restart = (withOverlap: boolean) => {
    emit();
    const carried: Unit[] = [];
    let carriedTokens = 0;
    for (let i = current.length - 1; withOverlap && i >= 0; i--) {
      const u = current[i];
      if (u.heading || carriedTokens + u.tokens > overlapBudget) break;
      carried.unshift(u);
      carriedTokens += u.tokens;
    }
    current = carried;
    tokens = carriedTokens;
    fresh = 0;
  };

  for (const unit of units) {
    // A heading starts a chunk unless the section so far is too small to stand alone; overlap carried
    // from the previous section is dropped rather than placed before the new heading.
    if (options.breakAtPages && fresh > 0 && unit.page !== current[current.length - 1].page) restart(false);
    else if (unit.heading && (tokens >= target * 0.25 || fresh === 0)) restart(false);
    else if (fresh > 0 && tokens + unit.tokens > target) restart(true);
    else if (fresh > 0 && unit.opensBlock && tokens >= target * 0.85) restart(true);
    current.push(unit);
    tokens += unit.tokens;
    fresh++;
  }
  emit();
  return chunks;
}
