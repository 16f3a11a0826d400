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

/** The ingestion limits with OCR as configured (`OCR`, `OCR_LANGUAGES`, `OCR_WORKERS`, `OCR_TIME_BUDGET_SECONDS`). */
export function ingestLimits(config: {
  OCR: 'on' | 'off';
  OCR_LANGUAGES: string;
  OCR_WORKERS: number;
  OCR_TIME_BUDGET_SECONDS: number;
}): Required<ExtractionLimits> {
  const ocr: OcrSettings | false =
    config.OCR === 'off'
      ? false
      : {
          languages: config.OCR_LANGUAGES,
          workers: config.OCR_WORKERS,
          timeBudgetMs: config.OCR_TIME_BUDGET_SECONDS * 1000,
        };
  return { ...INGEST_LIMITS, ocr };
}
