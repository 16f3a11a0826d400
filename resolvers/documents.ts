import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { authorize, readsEditorsOnly } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import {
  DocumentProgressRef,
  DocumentRef,
  DocumentVisibilityEnum,
  SearchHitRef,
} from '../schema/document.ts';
import { RoomRef } from '../schema/room.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import {
  cancelIngestion,
  deleteDocument,
  replaceDocument,
  retryIngestion,
  setDocumentVisibility,
  uploadDocument,
} from '../src/documents/document-service.ts';
import { currentProgress } from '../src/documents/progress.ts';
import { liveSubscription } from '../src/pubsub.ts';
import { searchRoom } from '../src/retrieval/search-service.ts';

const UploadDocumentInput = builder.inputType('UploadDocumentInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    file: t.field({ type: 'File', required: true }),
    title: t.string({ validate: z.string().max(300, 'must be at most 300 characters').nullish() }),
    visibility: t.field({
      type: DocumentVisibilityEnum,
      description: 'MEMBERS (default) or EDITORS: teacher-only material (docs/school.md)',
    }),
  }),
});

const SetDocumentVisibilityInput = builder.inputType('SetDocumentVisibilityInput', {
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: DocumentRef }),
    visibility: t.field({ type: DocumentVisibilityEnum, required: true }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitRef],
    description: 'Hybrid (BM25 + vector) search over the room’s chunks',
    args: {
      roomId: t.arg.globalID({ required: true, for: RoomRef }),
      query: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, 'must not be empty').max(2000),
      }),
      limit: t.arg.int({ defaultValue: 10, validate: z.number().int().min(1).max(100) }),
      alpha: t.arg.float({ required: false, validate: z.number().min(0).max(1).nullish() }),
      documentIds: t.arg.globalIDList({ required: false, for: DocumentRef }),
    },
    authScopes: authorize('search'),
    resolve: async (_root, args, context) =>
      searchRoom(context.em, context.services, {
        roomId: args.roomId.id,
        query: args.query,
        limit: args.limit ?? 10,
        alpha: args.alpha ?? undefined,
        documentIds: args.documentIds?.map((id) => id.id),
        includeEditorsOnly: await readsEditorsOnly(context, args.roomId.id),
      }),
  }),
}));

builder.mutationFields((t) => ({
  uploadDocument: t.field({
    type: DocumentRef,
    description:
      'GraphQL multipart upload; returns at once with a QUEUED document (or the existing one for the same bytes)',
    args: { input: t.arg({ type: UploadDocumentInput, required: true }) },
    authScopes: authorize('uploadDocument'),
    resolve: async (_root, { input }, context) => {
      const document = await uploadDocument(context.em, context.services, context.viewer!.id, {
        roomId: input.roomId.id,
        file: input.file,
        title: input.title,
        visibility: input.visibility,
      });
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'DOCUMENT_UPLOADED',
        subject: { type: 'Document', id: document.id },
        detail: {
          title: document.title,
          filename: input.file.name,
          sizeBytes: input.file.size,
          visibility: document.visibility,
        },
      });
      return document;
    },
  }),
  replaceDocument: t.field({
    type: DocumentRef,
    description: 'Re-ingests a new version; chunks whose text did not change keep their embeddings',
    args: {
      id: t.arg.globalID({ required: true, for: DocumentRef }),
      file: t.arg({ type: 'File', required: true }),
    },
    authScopes: authorize('replaceDocument'),
    resolve: async (_root, args, context) => {
      const document = await replaceDocument(
        context.em,
        context.services,
        context.viewer!.id,
        (await context.loaders.documentById.load(args.id.id))!,
        args.file,
      );
      await recordAudit(context, {
        roomId: document.room.id,
        action: 'DOCUMENT_REPLACED',
        subject: { type: 'Document', id: document.id },
        detail: {
          title: document.title,
          filename: args.file.name,
          sizeBytes: args.file.size,
          version: document.version,
        },
      });
      return document;
    },
  }),
  setDocumentVisibility: t.field({
    type: DocumentRef,
    description:
      'Who in the room reads the document: MEMBERS, or EDITORS only (kept out of viewers’ search, answers, citations, study guides and flashcards at once)',
    args: { input: t.arg({ type: SetDocumentVisibilityInput, required: true }) },
    authScopes: authorize('setDocumentVisibility'),
    resolve: async (_root, { input }, context) => {
      const document = await setDocumentVisibility(
        context.em,
        (await context.loaders.documentById.load(input.documentId.id))!,
        input.visibility,
      );
      await recordAudit(context, {
        roomId: document.room.id,
        action: 'DOCUMENT_VISIBILITY_CHANGED',
        subject: { type: 'Document', id: document.id },
        detail: { visibility: document.visibility },
      });
      return document;
    },
  }),
  cancelDocumentIngestion: t.field({
    type: DocumentRef,
    args: { id: t.arg.globalID({ required: true, for: DocumentRef }) },
    authScopes: authorize('cancelDocumentIngestion'),
    resolve: async (_root, args, context) =>
      cancelIngestion(context.em, context.services, (await context.loaders.documentById.load(args.id.id))!),
  }),
  retryDocumentIngestion: t.field({
    type: DocumentRef,
    description: 'Ingests a FAILED document again from its stored bytes; returns it QUEUED',
    args: { id: t.arg.globalID({ required: true, for: DocumentRef }) },
    authScopes: authorize('retryDocumentIngestion'),
    resolve: async (_root, args, context) =>
      retryIngestion(context.em, context.services, (await context.loaders.documentById.load(args.id.id))!),
  }),
  deleteDocument: t.field({
    type: 'ID',
    description: 'Removes the document with its chunks, vectors and stored bytes; returns its global id',
    args: { id: t.arg.globalID({ required: true, for: DocumentRef }) },
    authScopes: authorize('deleteDocument'),
    resolve: async (_root, args, context) => {
      const document = (await context.loaders.documentById.load(args.id.id))!;
      const detail = { title: document.title, filename: document.filename };
      await deleteDocument(context.em, context.services, document);
      await recordAudit(context, {
        roomId: document.room.id,
        action: 'DOCUMENT_DELETED',
        subject: { type: 'Document', id: args.id.id },
        detail,
      });
      return encodeGlobalID('Document', args.id.id);
    },
  }),
}));

builder.subscriptionFields((t) => ({
  documentProgress: t.field({
    type: DocumentProgressRef,
    description: 'Ingestion stage and progress; the current state first, then live until READY or FAILED',
    args: { documentId: t.arg.globalID({ required: true, for: DocumentRef }) },
    authScopes: authorize('documentProgress'),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'document:progress', args.documentId.id, {
        snapshot: () => currentProgress(context.em, args.documentId.id),
        isTerminal: (event) => event.stage === 'READY' || event.stage === 'FAILED',
      }),
    // Each event reads the database afresh: the previous event's identity map and loader cache are stale.
    resolve: (event, _args, context) => {
      context.refresh();
      return event;
    },
  }),
}));
