import type { ExtractionLimits, OcrSettings } from './types.ts';

/** OCR of scanned pages: English, two recognition threads, five minutes per document on top of reading it. */
export const DEFAULT_OCR: OcrSettings = { languages: 'eng', timeBudgetMs: 300_000, workers: 2 };

/** The one set of ingestion limits: the API documents them, extractors and the ingest job apply them. */
export const INGEST_LIMITS: Required<ExtractionLimits> = {
  maxPages: 2_000,
  maxChars: 5_000_000,
  timeBudgetMs: 120_000,
  maxDocxBytes: 200 * 1024 * 1024,
  ocr: DEFAULT_OCR,
};
