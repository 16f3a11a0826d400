export type DocumentKind = 'pdf' | 'docx' | 'text';

/** A rectangle in PDF page space: origin bottom-left, units of 1/72 inch, as pdf.js reports it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One visual line of a PDF page; charStart/charEnd index into ExtractedPage.text. */
export interface PageLine {
  text: string;
  charStart: number;
  charEnd: number;
  box: Box;
}

export interface ExtractedPage {
  /** 1-based. */
  number: number;
  text: string;
  lines?: PageLine[];
  width?: number;
  height?: number;
}

export interface ExtractedDocument {
  kind: DocumentKind;
  pages: ExtractedPage[];
  pageCount: number;
  title?: string;
}

/** A document read and cut into chunks in the extractor thread: only what ingestion needs comes back. */
export interface PreparedDocument {
  kind: DocumentKind;
  pageCount: number;
  title?: string;
  chunks: ChunkDraft[];
}

export interface ExtractionLimits {
  maxPages?: number;
  maxChars?: number;
  timeBudgetMs?: number;
  /** DOCX only: largest total uncompressed size of the zip entries. */
  maxDocxBytes?: number;
}

export interface ExtractionProgress {
  page: number;
  pageCount: number;
}

export type ProgressListener = (progress: ExtractionProgress) => void;

export interface ChunkDraft {
  ordinal: number;
  text: string;
  pageStart: number;
  pageEnd: number;
  /** Offsets into the document's cleaned text, pages joined by "\n\n". */
  charStart: number;
  charEnd: number;
  tokenCount: number;
  headingPath: string[];
}

export type ExtractionErrorCode =
  | 'UNSUPPORTED_TYPE'
  | 'PASSWORD_PROTECTED'
  | 'DAMAGED'
  | 'NO_TEXT'
  | 'UNREADABLE_TEXT'
  | 'TOO_MANY_PAGES'
  | 'TOO_MUCH_TEXT'
  | 'TIME_BUDGET_EXCEEDED'
  | 'ZIP_BOMB'
  | 'WORKER_CRASHED'
  | 'CANCELLED'
  | 'INTERNAL';

/**
 * An expected failure with a message meant for the person who uploaded the file. `permanent` tells the job
 * runner not to retry: the same bytes will fail the same way.
 */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  readonly permanent: boolean;

  constructor(code: ExtractionErrorCode, message: string, permanent = true) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
    this.permanent = permanent;
  }
}
