import { chunkPages } from './chunk.ts';
import { type CleanedPage, cleanPages } from './clean.ts';
import { attachChunkLines } from './highlights.ts';
import type { ChunkDraft, ExtractedDocument, PreparedDocument } from './types.ts';

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
  const chunks = chunkPages(pages, options);
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
