export type DocumentKind = 'pdf' | 'docx' | 'pptx' | 'image' | 'html' | 'markdown' | 'epub' | 'text';

/** A rectangle in PDF page space: origin bottom-left, units of 1/72 inch, as pdf.js reports it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A rectangle on a page as a viewer draws it: normalised 0..1 to the page's viewport as displayed at
 * rotation 0 (pdf.js `page.getViewport({ scale: 1 })`, the page's own /Rotate applied), origin top-left.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A Rect on one physical page (1-based): the public `Highlight`. */
export interface Highlight extends Rect {
  page: number;
}

/** One visual line of a PDF page; charStart/charEnd index into ExtractedPage.text. */
export interface PageLine {
  text: string;
  charStart: number;
  charEnd: number;
  /** In layout space (PDF units, origin bottom-left of the page's view box), for reading order. */
  box: Box;
  /** The same line normalised for highlighting. */
  rect: Rect;
  /** Font size in PDF units, and the font resource its text mostly uses (heading detection). */
  size?: number;
  font?: string;
}

/** A heading found on a page: the line at `charStart` of ExtractedPage.text opens a section. */
export interface PageHeading {
  charStart: number;
  level: number;
  title: string;
}

export interface ExtractedPage {
  /** 1-based. */
  number: number;
  text: string;
  lines?: PageLine[];
  width?: number;
  height?: number;
  /** The printed page label (PDF /PageLabels), e.g. "iv"; absent when the file has none. */
  label?: string;
  /** The text came from OCR. */
  ocr?: boolean;
  headings?: PageHeading[];
}

export interface ExtractedDocument {
  kind: DocumentKind;
  pages: ExtractedPage[];
  pageCount: number;
  title?: string;
  /** Pages whose text came from OCR. */
  ocrPageCount?: number;
  /** Pages with no text even after OCR (1-based), and why, for the person who uploaded the file. */
  unreadablePages?: number[];
  warning?: string;
  /** Word only: no rendered or explicit page breaks, so pages are ~3,000-character slices. */
  pageCountEstimated?: boolean;
}

/** A document read and cut into chunks in the extractor thread: only what ingestion needs comes back. */
export interface PreparedDocument {
  kind: DocumentKind;
  pageCount: number;
  title?: string;
  chunks: ChunkDraft[];
  ocrPageCount: number;
  pageCountEstimated: boolean;
  warning?: string;
}

export interface ExtractionLimits {
  maxPages?: number;
  maxChars?: number;
  timeBudgetMs?: number;
  /** Zip-based formats (Word, PowerPoint, EPUB): largest total uncompressed size of the zip entries. */
  maxDocxBytes?: number;
  /** OCR of pages without a usable text layer; `false` turns it off. */
  ocr?: OcrSettings | false;
}

export interface OcrSettings {
  /** tesseract language codes joined by "+", each with an installed `@tesseract.js-data/<code>` package. */
  languages: string;
  /** Time for all OCR of one document, on top of timeBudgetMs. */
  timeBudgetMs: number;
  /** Recognition threads (each a tesseract.js worker) per extractor. */
  workers: number;
}

export interface ExtractionProgress {
  page: number;
  pageCount: number;
  /** OCR progress reports the page just recognised; plain extraction leaves this unset. */
  stage?: 'OCR';
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
  /** Printed labels of pageStart and pageEnd (the physical numbers as text when the file has none). */
  pageLabelStart: string;
  pageLabelEnd: string;
  /** PDF only: the chunk's line boxes, each with the char range of the chunk text it covers. */
  lines: ChunkLine[];
}

/** A line box of a chunk; charStart/charEnd index into ChunkDraft.text. */
export interface ChunkLine extends Highlight {
  charStart: number;
  charEnd: number;
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
  | 'OCR_UNAVAILABLE'
  | 'ZIP_BOMB'
  | 'IMAGE_TOO_LARGE'
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
