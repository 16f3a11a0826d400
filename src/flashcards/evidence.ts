import type { Chunk } from '../entities/document.ts';
import type { HighlightBox } from '../entities/flashcard.ts';

/**
 * Where a card's quote stands on the page: the printed label of its first page and the quote's boxes.
 * Chunks do not carry page labels or line boxes yet (the source-fidelity work adds them), so the label is
 * the physical page number as text and there are no boxes; this is the one place that changes then.
 */
export function quoteLocation(
  chunk: Pick<Chunk, 'pageStart'> | null,
  pageStart: number,
  _quote: string,
): { pageLabel: string; highlights: HighlightBox[] } {
  return { pageLabel: String(chunk?.pageStart ?? pageStart), highlights: [] };
}
