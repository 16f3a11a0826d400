import { chunkPages } from './chunk.ts';
import { type CleanedPage, cleanPages } from './clean.ts';
import type { ChunkDraft, ExtractedDocument } from './types.ts';

/** Cleaning choices per format: only PDFs have running heads and visually wrapped lines. */
export function cleanDocument(doc: ExtractedDocument): CleanedPage[] {
  const pdf = doc.kind === 'pdf';
  return cleanPages(doc.pages, { removeRunningHeads: pdf, unwrapLines: pdf });
}

export function chunkDocument(
  doc: ExtractedDocument,
  options?: { targetTokens?: number; overlapRatio?: number },
): { pages: CleanedPage[]; chunks: ChunkDraft[] } {
  const pages = cleanDocument(doc);
  return { pages, chunks: chunkPages(pages, options) };
}
