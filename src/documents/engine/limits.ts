import type { ExtractionLimits } from './types.ts';

/** The one set of ingestion limits: the API documents them, extractors and the ingest job apply them. */
export const INGEST_LIMITS: Required<ExtractionLimits> = {
  maxPages: 2_000,
  maxChars: 5_000_000,
  timeBudgetMs: 120_000,
  maxDocxBytes: 200 * 1024 * 1024,
};
