import { extractDocx } from './extract-docx.ts';
import { extractEpub } from './extract-epub.ts';
import { extractHtml } from './extract-html.ts';
import { extractImage } from './extract-image.ts';
import { extractPdf } from './extract-pdf.ts';
import { extractPptx } from './extract-pptx.ts';
import { extractText } from './extract-text.ts';
import { INGEST_LIMITS } from './limits.ts';
import type { DocumentKind, ExtractedDocument, ExtractionLimits, ProgressListener } from './types.ts';

async function extractByKind(
  bytes: Uint8Array,
  kind: DocumentKind,
  limits: Required<ExtractionLimits>,
): Promise<ExtractedDocument> {
  switch (kind) {
    case 'docx':
      return extractDocx(bytes, limits);
    case 'pptx':
      return extractPptx(bytes, limits);
    case 'epub':
      return extractEpub(bytes, limits);
    case 'html':
    case 'markdown':
      return extractHtml(bytes, kind, limits);
    default:
      return extractText(bytes, limits);
  }
}

/** Runs the extractor for a sniffed kind with the default limits filled in. */
export async function extractDocument(
  bytes: Uint8Array,
  kind: DocumentKind,
  limits: ExtractionLimits = {},
  onProgress?: ProgressListener,
): Promise<ExtractedDocument> {
  const all = { ...INGEST_LIMITS, ...limits };
  if (kind === 'pdf') return extractPdf(bytes, all, onProgress);
  if (kind === 'image') return extractImage(bytes, all, onProgress);
  const doc = await extractByKind(bytes, kind, all);
  onProgress?.({ page: doc.pageCount, pageCount: doc.pageCount });
  return doc;
}
