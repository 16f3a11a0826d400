import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinBudget, type BudgetServices, recordUpload } from '../budgets/usage-service.ts';
import { Chunk, Document, DocumentBlob, type DocumentVisibility } from '../entities/document.ts';
import { Room } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { AppError, badInput } from '../errors.ts';
import { sendForRoom } from '../jobs/fair-queue.ts';
import { QUEUES } from '../jobs/queue.ts';
import { allVectorKeys } from '../retrieval/room-vectors.ts';
import type { Services } from '../services.ts';
import { sniffFileType } from './engine/sniff.ts';
import { publishProgress } from './progress.ts';

export interface IncomingFile {
  name: string;
  size: number;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type DocumentServices = Pick<Services, 'config' | 'queue' | 'pubsub' | 'vectorStore'> & BudgetServices;

/** Size, emptiness and type are decided at once, from the bytes, before anything is stored or queued. */
async function readUpload(services: DocumentServices, file: IncomingFile) {
  const limit = services.config.UPLOAD_MAX_BYTES;
  if (file.size > limit) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is ${formatBytes(file.size)}; the largest accepted upload is ${formatBytes(limit)}`,
      { field: 'file', maxBytes: limit },
    );
  }
  if (file.size === 0) throw badInput('The file is empty', 'file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes, file.name);
  if ('error' in type) throw badInput(type.error, 'file');
  return { bytes, type, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

/** Stores the bytes, inserts a QUEUED document and enqueues its ingestion; returns without waiting. */
export async function uploadDocument(
  em: EntityManager,
  services: DocumentServices,
  uploaderId: string,
  input: {
    roomId: string;
    file: IncomingFile;
    title?: string | null;
    visibility?: DocumentVisibility | null;
  },
): Promise<Document> {
  const { bytes, type, contentHash } = await readUpload(services, input.file);
  const existing = await em.findOne(Document, { room: input.roomId, contentHash });
  // The same bytes again are the same document; a visibility given with them still applies.
  if (existing) return input.visibility ? setDocumentVisibility(em, existing, input.visibility) : existing;
  const charge = { roomId: input.roomId, userId: uploaderId, bytes: bytes.byteLength };
  await assertWithinBudget(em, services, { ...charge, spending: { kind: 'upload', bytes: charge.bytes } });
  const document = em.create(Document, {
    room: em.getReference(Room, input.roomId),
    uploadedBy: em.getReference(User, uploaderId),
    title: (input.title?.trim() || titleFromFilename(input.file.name)).slice(0, 300),
    visibility: input.visibility ?? 'MEMBERS',
    filename: input.file.name.slice(0, 300) || 'upload',
    mimeType: type.mimeType,
    kind: type.kind,
    sizeBytes: bytes.byteLength,
    contentHash,
  });
  em.create(DocumentBlob, { key: document.id, bytes: Buffer.from(bytes), sizeBytes: bytes.byteLength });
  try {
    await em.flush();
  } catch (error) {
    // The same bytes uploaded twice at once: the other request won; return its document.
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      return em.findOneOrFail(Document, { room: input.roomId, contentHash });
    }
    throw error;
  }
  await recordUpload(em, services, charge);
  await enqueueIngest(em, services, document);
  return document;
}

/** A new version of a document: new bytes, same document id; unchanged chunks keep their embeddings. */
export async function replaceDocument(
  em: EntityManager,
  services: DocumentServices,
  uploaderId: string,
  document: Document,
  file: IncomingFile,
): Promise<Document> {
  const { bytes, type, contentHash } = await readUpload(services, file);
  if (contentHash === document.contentHash) return document;
  const clash = await em.findOne(Document, { room: document.room, contentHash, id: { $ne: document.id } });
  if (clash) throw badInput(`This file is already in the room as “${clash.title}”`, 'file');
  const charge = { roomId: document.room.id, userId: uploaderId, bytes: bytes.byteLength };
  await assertWithinBudget(em, services, { ...charge, spending: { kind: 'upload', bytes: charge.bytes } });
  if (document.jobId) await services.queue.cancel(QUEUES.ingest, document.jobId).catch(() => undefined);
  const blob = await em.findOneOrFail(DocumentBlob, { key: document.id });
  em.assign(blob, { bytes: Buffer.from(bytes), sizeBytes: bytes.byteLength });
  em.assign(document, {
    filename: file.name.slice(0, 300) || document.filename,
    mimeType: type.mimeType,
    kind: type.kind,
    sizeBytes: bytes.byteLength,
    contentHash,
    version: document.version + 1,
    status: 'QUEUED',
    stage: 'QUEUED',
    progress: 0,
    error: null,
    stageMessage: null,
  });
  await em.flush();
  await recordUpload(em, services, charge);
  await enqueueIngest(em, services, document);
  return document;
}

async function enqueueIngest(em: EntityManager, services: DocumentServices, document: Document) {
  const jobId = await sendForRoom(
    services.queue,
    services.config,
    QUEUES.ingest,
    document.room.id,
    { documentId: document.id, version: document.version },
    { singletonKey: `${document.id}:${document.version}` },
  );
  document.jobId = jobId;
  await em.flush();
  await publishProgress(services.pubsub, document, {
    stage: 'QUEUED',
    progress: 0,
    message: 'Waiting for a worker',
  });
}

/** Stops a queued or running ingestion; the document ends FAILED with "cancelled". */
export async function cancelIngestion(em: EntityManager, services: DocumentServices, document: Document) {
  const cancelled = {
    status: 'FAILED',
    stage: 'FAILED',
    error: 'cancelled',
    stageMessage: 'cancelled',
  } as const;
  // Conditional, so a job finishing at this moment is not overwritten: one of the two wins, atomically.
  const updated = await em.nativeUpdate(
    Document,
    { id: document.id, status: { $in: ['QUEUED', 'PROCESSING'] } },
    cancelled,
  );
  if (updated === 0) {
    await em.refresh(document);
    throw badInput(`The document is already ${document.status.toLowerCase()}`, 'id');
  }
  em.assign(document, cancelled);
  if (document.jobId) await services.queue.cancel(QUEUES.ingest, document.jobId).catch(() => undefined);
  await publishProgress(services.pubsub, document, {
    stage: 'FAILED',
    progress: document.progress,
    message: 'cancelled',
  });
  return document;
}

/**
 * Ingests a FAILED document again from its stored bytes (after a cancel, or a failure that a fix or a
 * later retry may get past). The version is bumped, as for a replace, so a cancelled job that is still
 * winding down can no longer write to it.
 */
export async function retryIngestion(em: EntityManager, services: DocumentServices, document: Document) {
  if (document.status !== 'FAILED')
    throw badInput(
      `The document is ${document.status.toLowerCase()}; only a failed one can be retried`,
      'id',
    );
  em.assign(document, {
    version: document.version + 1,
    status: 'QUEUED',
    stage: 'QUEUED',
    progress: 0,
    error: null,
    stageMessage: null,
  });
  await em.flush();
  await enqueueIngest(em, services, document);
  return document;
}

/** The original bytes as uploaded (or last replaced), for the viewer to show the cited page. */
export async function readOriginal(em: EntityManager, documentId: string): Promise<Uint8Array | null> {
  const blob = await em.findOne(DocumentBlob, { key: documentId }, { populate: ['bytes'] });
  return blob ? new Uint8Array(blob.bytes) : null;
}

/**
 * Who in the room reads the document. Takes effect at once everywhere (search filters on the document
 * rows, not on a copy in the vector store).
 */
export async function setDocumentVisibility(
  em: EntityManager,
  document: Document,
  visibility: DocumentVisibility,
): Promise<Document> {
  document.visibility = visibility;
  await em.flush();
  return document;
}

/** Removes the document, its chunks, its vectors and its stored bytes. */
export async function deleteDocument(em: EntityManager, services: DocumentServices, document: Document) {
  if (document.jobId) await services.queue.cancel(QUEUES.ingest, document.jobId).catch(() => undefined);
  const room = await em.findOneOrFail(Room, document.room.id, { disableIdentityMap: true });
  for (const key of allVectorKeys(room)) await services.vectorStore.deleteDocument(key, document.id);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(Chunk, { document: document.id });
    await tx.nativeDelete(DocumentBlob, { key: document.id });
    await tx.nativeDelete(Document, { id: document.id });
  });
}

function titleFromFilename(filename: string): string {
  const base = filename
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base || 'Untitled document';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** A page of the document's chunks in reading order. */
export function chunksOfDocument(
  em: EntityManager,
  documentId: string,
  page: { offset: number; limit: number },
) {
  return em.find(Chunk, { document: documentId }, { orderBy: { ordinal: 'asc' }, ...page });
}

/**
 * The READY documents of a room that a quiz, deck or study guide is made from: the given ones (each must be
 * in the room and READY, and readable by the requester), or all of them; BAD_USER_INPUT when none qualifies.
 * An editor-only document is refused to a viewer exactly as a missing one, so its id tells them nothing.
 */
export async function readyDocuments(
  em: EntityManager,
  roomId: string,
  documentIds: readonly string[] | null | undefined,
  what: string,
  options: { includeEditorsOnly: boolean },
): Promise<Document[]> {
  const documents = await em.find(Document, {
    room: roomId,
    status: 'READY',
    ...(options.includeEditorsOnly ? {} : { visibility: 'MEMBERS' }),
    ...(documentIds?.length ? { id: { $in: [...documentIds] } } : {}),
  });
  if (documentIds?.length && documents.length !== new Set(documentIds).size) {
    throw badInput('Every document must be in this room and READY', 'documentIds');
  }
  if (documents.length === 0)
    throw badInput(`The room has no READY documents to make ${what} from`, 'documentIds');
  return documents;
}
