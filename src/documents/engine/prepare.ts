import { chunkPages } from './chunk.ts';
import { type CleanedPage, cleanPages } from './clean.ts';
import { attachChunkLines } from './highlights.ts';
import type { ChunkDraft, ExtractedDocument, PreparedDocument } from './types.ts';

/**
 * Cleaning choices per format: only PDFs have running heads; PDFs and photos have visually wrapped lines
 * (a slide's lines are its paragraphs and bullets, and stay lines).
 */
export function cleanDocument(doc: ExtractedDocument): CleanedPage[] {
  return cleanPages(doc.pages, {
    removeRunningHeads: doc.kind === 'pdf',
    unwrapLines: doc.kind === 'pdf' || doc.kind === 'image',
  });
}

export function chunkDocument(
  doc: ExtractedDocument,
  options?: { targetTokens?: number; overlapRatio?: number },
): { pages: CleanedPage[]; chunks: ChunkDraft[] } {
  const pages = cleanDocument(doc);
  // A slide, or an e-book's page or chapter, is cited by its number or label: a chunk keeps to one.
  // (PDF pages need not: a quote's line boxes name its page.)
  const breakAtPages = doc.kind === 'pptx' || doc.kind === 'epub';
  const chunks = chunkPages(pages, { ...options, breakAtPages });
  attachChunkLines(doc.pages, pages, chunks);
  return { pages, chunks };
}

/** What ingestion needs from an extracted document: its chunks and the facts the Document row keeps. */
export function prepareDocument(doc: ExtractedDocument): PreparedDocument {
  const { chunks } = chunkDocument(doc);
  return {
    kind: doc.kind,
    pageCount: doc.pageCount,
    chunks,
    ocrPageCount: doc.ocrPageCount ?? 0,
    pageCountEstimated: doc.pageCountEstimated ?? false,
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.warning ? { warning: doc.warning } : {}),
  };
}
