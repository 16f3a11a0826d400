import { extractDocx } from './extract-docx.ts';
import { extractPdf } from './extract-pdf.ts';
import { extractText } from './extract-text.ts';
import { INGEST_LIMITS } from './limits.ts';
import type { DocumentKind, ExtractedDocument, ExtractionLimits, ProgressListener } from './types.ts';

/** Runs the extractor for a sniffed kind with the default limits filled in. */
export async function extractDocument(
  bytes: Uint8Array,
  kind: DocumentKind,
  limits: ExtractionLimits = {},
  onProgress?: ProgressListener,
): Promise<ExtractedDocument> {
  const all = { ...INGEST_LIMITS, ...limits };
  if (kind === 'pdf') return extractPdf(bytes, all, onProgress);
  const doc = kind === 'docx' ? await extractDocx(bytes, all) : extractText(bytes, all);
  onProgress?.({ page: doc.pageCount, pageCount: doc.pageCount });
  return doc;
}
