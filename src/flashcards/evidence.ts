import { highlightsForRange, unpackLines } from '../documents/engine/highlights.ts';
import type { Chunk } from '../entities/document.ts';
import type { HighlightBox } from '../entities/flashcard.ts';

/**
 * Where a card's quote stands on the page: the printed label of its chunk's first page and the boxes of
 * the quote's lines (PDF only; the quote is verbatim chunk text).
 */
export function quoteLocation(
  chunk: (Pick<Chunk, 'pageStart'> & Partial<Pick<Chunk, 'pageLabelStart' | 'text' | 'boxes'>>) | null,
  pageStart: number,
  quote: string,
): { pageLabel: string; highlights: HighlightBox[] } {
  const pageLabel = chunk?.pageLabelStart ?? String(chunk?.pageStart ?? pageStart);
  const at = chunk?.text ? chunk.text.indexOf(quote) : -1;
  if (!chunk?.boxes || at < 0) return { pageLabel, highlights: [] };
  return { pageLabel, highlights: highlightsForRange(unpackLines(chunk.boxes), at, at + quote.length) };
}
