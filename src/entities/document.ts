import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { PackedLine } from '../documents/engine/highlights.ts';
import type { Highlight } from '../documents/engine/types.ts';
import { baseProperties } from './base.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const DOCUMENT_STATUSES = ['QUEUED', 'PROCESSING', 'READY', 'FAILED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const INGEST_STAGES = [
  'QUEUED',
  'EXTRACTING',
  'OCR',
  'CHUNKING',
  'EMBEDDING',
  'INDEXING',
  'READY',
  'FAILED',
] as const;
export type IngestStage = (typeof INGEST_STAGES)[number];
/** Who in the room may read a document: every member, or editors and owners only (teacher-only material). */
export const DOCUMENT_VISIBILITIES = ['MEMBERS', 'EDITORS'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

export const Document = defineEntity({
  name: 'Document',
  uniques: [{ properties: ['room', 'contentHash'] }],
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    uploadedBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    title: p.string().length(300),
    /** EDITORS: never in a viewer's search, answers, citations, study guides or flashcards (docs/school.md). */
    visibility: p.enum(DOCUMENT_VISIBILITIES).default('MEMBERS'),
    filename: p.string().length(300),
    mimeType: p.string().length(120),
    kind: p.enum(['pdf', 'docx', 'pptx', 'image', 'html', 'markdown', 'epub', 'text'] as const),
    sizeBytes: p.integer(),
    /** sha-256 of the bytes: the same file uploaded twice to a room is one document. */
    contentHash: p.string().length(64),
    status: p.enum(DOCUMENT_STATUSES).default('QUEUED'),
    stage: p.enum(INGEST_STAGES).default('QUEUED'),
    progress: p.float().default(0),
    stageMessage: p.text().nullable(),
    error: p.text().nullable(),
    pageCount: p.integer().nullable(),
    /** Pages whose text came from OCR. */
    ocrPageCount: p.integer().default(0),
    /** Word only: the file records no page breaks, so its pages are ~3,000-character slices. */
    pageCountEstimated: p.boolean().default(false),
    /** Something a READY document's reader should know (pages that stayed unreadable, even with OCR). */
    warning: p.text().nullable(),
    chunkCount: p.integer().default(0),
    /** Bumped by replaceDocument; chunk ids derive from it, so a rerun of the same version is idempotent. */
    version: p.integer().default(1),
    jobId: p.string().length(64).nullable(),
  },
});
export type Document = InferEntity<typeof Document>;

/** The original bytes, apart from the document row so listing documents never reads them. */
export const DocumentBlob = defineEntity({
  name: 'DocumentBlob',
  properties: {
    key: p.string().length(100).primary(),
    bytes: p.blob().lazy(),
    sizeBytes: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DocumentBlob = InferEntity<typeof DocumentBlob>;

export const Chunk = defineEntity({
  name: 'Chunk',
  uniques: [{ properties: ['document', 'ordinal'] }],
  properties: {
    ...baseProperties(),
    document: () => p.manyToOne(Document).deleteRule('cascade').index(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    ordinal: p.integer(),
    text: p.text(),
    pageStart: p.integer(),
    pageEnd: p.integer(),
    /** Printed page labels of pageStart and pageEnd; null for chunks stored before labels were read. */
    pageLabelStart: p.string().length(40).nullable(),
    pageLabelEnd: p.string().length(40).nullable(),
    charStart: p.integer(),
    charEnd: p.integer(),
    tokenCount: p.integer(),
    headingPath: p.json<string[]>(),
    /** sha-256 of the text with the embedder id: replaceDocument reuses vectors of unchanged chunks. */
    textHash: p.string().length(64),
    embedderId: p.string().length(200),
    embedding: p.blob().lazy(),
    /**
     * PDF only: the chunk's line boxes, one array per line ([page, x, y, width, height, charStart, charEnd],
     * normalised to the page, char offsets into `text`), in one column rather than a row per line.
     */
    boxes: p.json<PackedLine[]>().nullable(),
  },
});
export type Chunk = InferEntity<typeof Chunk>;

export type { Highlight };
