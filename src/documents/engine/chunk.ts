import { type Span, splitSentences } from '../../text/sentences.ts';
import { countTokens } from '../../text/tokens.ts';
import type { ChunkDraft } from './types.ts';

export interface ChunkOptions {
  targetTokens?: number;
  overlapRatio?: number;
}

export interface PageText {
  number: number;
  text: string;
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
    for (const block of page.text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
      const blockStart = base + (block.index ?? 0);
      const heading = /^(#{1,6})\s+(.+)$/.exec(block[0]);
      if (heading && !block[0].includes('\n')) {
        const level = heading[1].length;
        path = [...path.filter((h) => h.level < level), { level, title: heading[2].trim() }];
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
      // Lines inside a block (table rows, list items in text files) are hard sentence boundaries.
      for (const line of block[0].matchAll(/[^\n]+/g)) {
        const lineStart = blockStart + (line.index ?? 0);
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
 * Chunk text is an exact slice of documentText(pages); tokenCount sums per-sentence cl100k counts (each
 * counted with its leading space, as in running text), so it can differ from a re-count by a token or two.
 */
export function chunkPages(pages: PageText[], options: ChunkOptions = {}): ChunkDraft[] {
  const target = options.targetTokens ?? 350;
  const overlapBudget = Math.floor(target * (options.overlapRatio ?? 0.15));
  const text = documentText(pages);
  const units = buildUnits(pages, text, target);
  const chunks: ChunkDraft[] = [];
  let current: Unit[] = [];
  let tokens = 0;
  let fresh = 0; // units in `current` not carried over as overlap

  const emit = () => {
    if (fresh === 0) return;
    const first = current[0];
    const last = current[current.length - 1];
    const body = current.find((u) => !u.heading) ?? first;
    chunks.push({
      ordinal: chunks.length,
      text: text.slice(first.start, last.end),
      pageStart: first.page,
      pageEnd: last.page,
      charStart: first.start,
      charEnd: last.end,
      tokenCount: tokens,
      headingPath: body.headingPath,
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
    if (unit.heading && (tokens >= target * 0.25 || fresh === 0)) restart(false);
    else if (fresh > 0 && tokens + unit.tokens > target) restart(true);
    else if (fresh > 0 && unit.opensBlock && tokens >= target * 0.85) restart(true);
    current.push(unit);
    tokens += unit.tokens;
    fresh++;
  }
  emit();
  return chunks;
}
