import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { DocumentView } from '../loaders/documents.ts';
import { chunksOfDocument } from '../src/documents/document-service.ts';
import { unpackLines } from '../src/documents/engine/highlights.ts';
import type { Highlight } from '../src/documents/engine/types.ts';
import {
  type Chunk,
  DOCUMENT_STATUSES,
  type DOCUMENT_VISIBILITIES,
  INGEST_STAGES,
} from '../src/entities/document.ts';
import type { ProgressEvent } from '../src/events.ts';
import type { SearchHit } from '../src/retrieval/search-service.ts';
import { loadVisible, readsEditorsOnly, visible } from './access.ts';
import { builder } from './builder.ts';
import { arrayConnection } from './connection.ts';
import { RoomRef } from './room.ts';
import { connectionNodeFields } from './selection.ts';

export const DocumentStatusEnum = builder.enumType('DocumentStatus', { values: DOCUMENT_STATUSES });
export const IngestStageEnum = builder.enumType('IngestStage', { values: INGEST_STAGES });
export const DocumentVisibilityEnum = builder.enumType('DocumentVisibility', {
  description: 'Who in the room reads a document (docs/school.md)',
  values: {
    MEMBERS: { description: 'Every member (the default)' },
    EDITORS: {
      description:
        'Editors and owners only (teacher-only material): never in a viewer’s search, answers, citations, study guides or flashcards; quizzes made from it show its evidence to a viewer only after answering',
    },
  } satisfies Record<(typeof DOCUMENT_VISIBILITIES)[number], unknown>,
});

export const DocumentRef = builder.objectRef<DocumentView>('Document');
export const ChunkRef = builder.objectRef<Chunk>('Chunk');

export const HighlightRef = builder.objectRef<Highlight>('Highlight').implement({
  description:
    'A box to highlight on a page: normalised 0..1 to the page as displayed at rotation 0 (pdf.js ' +
    '`page.getViewport({ scale: 1 })`, the page’s own /Rotate applied), origin top-left. Multiply by the ' +
    'viewport’s width and height to draw it.',
  fields: (t) => ({
    page: t.exposeInt('page', { description: 'Physical page, 1-based' }),
    x: t.exposeFloat('x'),
    y: t.exposeFloat('y'),
    width: t.exposeFloat('width'),
    height: t.exposeFloat('height'),
  }),
});

builder.node(DocumentRef, {
  id: { resolve: (document) => document.id },
  loadMany: loadVisible('Document'),
  fields: (t) => ({
    title: t.exposeString('title'),
    filename: t.exposeString('filename'),
    mimeType: t.exposeString('mimeType'),
    visibility: t.field({
      type: DocumentVisibilityEnum,
      resolve: (document) => document.visibility ?? 'MEMBERS',
    }),
    sizeBytes: t.exposeInt('sizeBytes'),
    status: t.field({ type: DocumentStatusEnum, resolve: (document) => document.status }),
    stage: t.field({ type: IngestStageEnum, resolve: (document) => document.stage }),
    progress: t.exposeFloat('progress'),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why ingestion failed, for a person to read',
    }),
    pageCount: t.exposeInt('pageCount', { nullable: true }),
    ocrPageCount: t.int({
      description:
        'Pages whose text came from OCR (scanned pages, or fonts whose text layer decodes to symbols)',
      resolve: (document) => document.ocrPageCount ?? 0,
    }),
    pageCountEstimated: t.boolean({
      description:
        'True only for a Word file that records no page breaks: its pages are then ~3,000-character slices',
      resolve: (document) => document.pageCountEstimated ?? false,
    }),
    warning: t.string({
      nullable: true,
      description:
        'Something a READY document’s reader should know, e.g. pages that stayed unreadable even with OCR',
      resolve: (document) => document.warning ?? null,
    }),
    chunkCount: t.exposeInt('chunkCount'),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    room: t.field({
      type: RoomRef,
      resolve: async (document, _args, context) => (await context.loaders.roomById.load(document.room.id))!,
    }),
    chunks: t.connection({
      type: ChunkRef,
      description: 'The chunks in reading order',
      resolve: (document, args, context) =>
        resolveOffsetConnection({ args, defaultSize: 50, maxSize: 500 }, ({ offset, limit }) =>
          chunksOfDocument(context.em, document.id, { offset, limit }),
        ),
    }),
  }),
});

builder.node(ChunkRef, {
  id: { resolve: (chunk) => chunk.id },
  loadMany: loadVisible('Chunk'),
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    text: t.exposeString('text'),
    pageStart: t.exposeInt('pageStart'),
    pageEnd: t.exposeInt('pageEnd'),
    pageLabelStart: t.string({
      description: 'Printed page label of pageStart ("iv", "12"); the physical number when the file has none',
      resolve: (chunk) => chunk.pageLabelStart ?? String(chunk.pageStart),
    }),
    pageLabelEnd: t.string({
      description: 'Printed page label of pageEnd',
      resolve: (chunk) => chunk.pageLabelEnd ?? String(chunk.pageEnd),
    }),
    charStart: t.exposeInt('charStart'),
    charEnd: t.exposeInt('charEnd'),
    tokenCount: t.exposeInt('tokenCount'),
    headingPath: t.exposeStringList('headingPath'),
    highlights: t.field({
      type: [HighlightRef],
      description: 'PDF only: the chunk’s line boxes on its pages (empty for Word and text)',
      resolve: (chunk) => unpackLines(chunk.boxes).map(({ charStart: _s, charEnd: _e, ...box }) => box),
    }),
    document: t.field({
      type: DocumentRef,
      resolve: async (chunk, _args, context) => (await context.loaders.documentById.load(chunk.document.id))!,
    }),
  }),
});

builder.objectField(RoomRef, 'documents', (t) =>
  t.connection({
    type: DocumentRef,
    description: 'Documents in the room, newest first',
    resolve: async (room, args, context, info) => {
      // Visibility is always read: it decides which rows a viewer gets.
      const fields = connectionNodeFields(info, ['visibility']);
      const documents = await context.loaders.documentsByRoom.load({ id: room.id, fields });
      const all = await readsEditorsOnly(context, room.id);
      return arrayConnection(
        args,
        all ? documents : documents.filter((document) => document.visibility === 'MEMBERS'),
      );
    },
  }),
);

export const DocumentProgressRef = builder.objectRef<ProgressEvent>('DocumentProgress').implement({
  fields: (t) => ({
    stage: t.field({ type: IngestStageEnum, resolve: (event) => event.stage }),
    progress: t.exposeFloat('progress', { description: '0..1 over the whole ingestion' }),
    message: t.exposeString('message', { nullable: true }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: (event, _args, context) => visible(context, 'Document', event.documentId),
    }),
  }),
});

export const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  fields: (t) => ({
    score: t.exposeFloat('score'),
    chunk: t.field({ type: ChunkRef, resolve: (hit) => hit.chunk }),
  }),
});
