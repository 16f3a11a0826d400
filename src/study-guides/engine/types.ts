import type { HighlightBox } from '../../entities/flashcard.ts';

/** A retrieved passage a guide section is written from (its position in the section's list is its `[n]`). */
export interface GuideSource {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  text: string;
  pageStart: number;
  pageEnd: number;
  headingPath: string[];
}

/** A citation stored with a guide, in the shape answers' citations have (the `Citation` type). */
export interface GuideCitation {
  /** The `[n]` of the marker in the guide's Markdown (numbered across the whole guide). */
  index: number;
  chunk: { id: string } | null;
  document: { id: string } | null;
  documentTitle: string;
  quote: string;
  pageStart: number;
  pageEnd: number;
  pageLabel: string;
  headingPath: string[];
  highlights: HighlightBox[];
  boxes: null;
}

export interface GuidePoint {
  text: string;
  citations: GuideCitation[];
}

export interface GuideSection {
  heading: string;
  documentId: string;
  pageStart: number;
  pageEnd: number;
  points: GuidePoint[];
}

export interface SectionRequest {
  heading: string;
  documentTitle: string;
  /** Numbered passages: `sources[n - 1]` is `[n]`. */
  sources: GuideSource[];
  maxPoints: number;
  signal?: AbortSignal;
}

/** Writes a section's key points, each one or two sentences ending in `[n]` markers for its passages. */
export interface GuideWriter {
  readonly name: string;
  writeSection(request: SectionRequest): Promise<string[]>;
}
