import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk, Document, DocumentBlob, type IngestStage } from '../entities/document.ts';
import { Room } from '../entities/room.ts';
import type { VectorRecord } from '../retrieval/ports.ts';
import { allVectorKeys, liveVectorKey } from '../retrieval/room-vectors.ts';
import type { Services } from '../services.ts';
import type { ExtractorPool } from './engine/extractor-pool.ts';
import { packLines } from './engine/highlights.ts';
import { INGEST_LIMITS } from './engine/limits.ts';
import {
  type ChunkDraft,
  ExtractionError,
  type ExtractionLimits,
  type PreparedDocument,
} from './engine/types.ts';
import { publishProgress } from './progress.ts';

export interface IngestJob {
  documentId: string;
  version: number;
  /** Attempt number (0 first) and the queue's retry limit: the last attempt marks the document FAILED. */
  retryCount: number;
  retryLimit: number;
  signal?: AbortSignal;
}

export type IngestServices = Pick<
  Services,
  'orm' | 'pubsub' | 'embedder' | 'embedders' | 'vectorStore' | 'logger' | 'metrics'
> & {
  extractor: ExtractorPool;
  limits?: ExtractionLimits;
};

const EMBED_BATCH = 128;
/** Progress weight of each stage, so the bar moves evenly over a typical document. */
const SPAN: Record<'EXTRACTING' | 'OCR' | 'CHUNKING' | 'EMBEDDING' | 'INDEXING', [number, number]> = {
  EXTRACTING: [0, 0.3],
  // Only pages without a usable text layer are OCR'd, once the others are read.
  OCR: [0.3, 0.5],
  CHUNKING: [0.5, 0.55],
  EMBEDDING: [0.55, 0.9],
  INDEXING: [0.9, 1],
};

class Cancelled extends Error {}
class PermanentFailure extends Error {}

/**
 * One ingestion, idempotent: chunk ids derive from (document, version, ordinal), the vector store is
 * cleared for the document before upserting, and chunk rows are replaced in one transaction together with
 * READY. A rerun after a crash at any point ends in the same state, never with duplicates.
 *
 * Stages: extract (with cleaning and chunking, in the extractor thread) → embed → index → commit.
 */
export async function runIngestJob(services: IngestServices, job: IngestJob): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const document = await em.findOne(Document, job.documentId, { populate: ['room'] });
  if (!document || document.version !== job.version) return; // deleted or replaced meanwhile
  if (document.status === 'READY' || (document.status === 'FAILED' && document.error === 'cancelled')) return;
  const run = new IngestRun(services, job, em, document);
  try {
    const extracted = await run.extract();
    const embedded = await run.embed(extracted.chunks);
    const ids = await run.index(extracted.chunks, embedded);
    await run.commit(extracted, embedded, ids);
  } catch (error) {
    await run.fail(error);
  }
}

interface Embedded {
  embedderId: string;
  /** Where the room's live vectors are (searched and written), and every key holding its vectors. */
  vectorKey: string;
  vectorKeys: string[];
  /** The room's first document records which embedder the room's vectors come from. */
  firstInRoom: boolean;
  hashes: string[];
  vectors: Float32Array[];
}

/** The state one job carries through its stages. */
class IngestRun {
  private readonly services: IngestServices;
  private readonly job: IngestJob;
  private readonly em: EntityManager;
  private readonly document: Document;

  constructor(services: IngestServices, job: IngestJob, em: EntityManager, document: Document) {
    this.services = services;
    this.job = job;
    this.em = em;
    this.document = document;
  }

  /** Extract → clean → chunk, all in the extractor thread: a long book's chunking would block the API. */
  async extract(): Promise<PreparedDocument> {
    await this.report('EXTRACTING', 0, 'Reading the file', true);
    const blob = await this.em.findOneOrFail(
      DocumentBlob,
      { key: this.document.id },
      { populate: ['bytes'] },
    );
    let lastReported = 0;
    const extracted = await this.services.extractor.extractAndChunk(
      new Uint8Array(blob.bytes),
      this.document.kind,
      this.services.limits ?? INGEST_LIMITS,
      (p) => {
        if (p.stage === 'OCR') {
          // OCR takes seconds a page: every page is worth an event.
          void this.report(
            'OCR',
            p.page / p.pageCount,
            `OCR: page ${p.page} of ${p.pageCount} read`,
            true,
          ).catch(() => undefined);
          return;
        }
        if (Date.now() - lastReported < 100 && p.page !== p.pageCount) return;
        lastReported = Date.now();
        void this.report('EXTRACTING', p.page / p.pageCount, `Extracted page ${p.page} of ${p.pageCount}`);
      },
    );
    this.services.metrics.ingestPages.inc(extracted.pageCount);
    await this.report('CHUNKING', 1, summary(extracted), true);
    if (extracted.chunks.length === 0) {
      throw new PermanentFailure('No extractable text: the file contains no readable words.');
    }
    return extracted;
  }

  /** Vectors for every chunk; a chunk whose text (and embedder) did not change keeps its old one. */
  async embed(drafts: ChunkDraft[]): Promise<Embedded> {
    await this.report('EMBEDDING', 0, `Embedding ${drafts.length} chunks`, true);
    const room = await this.em.findOneOrFail(Room, this.document.room.id, { disableIdentityMap: true });
    // A room moving to another embedder keeps taking documents in its current space; the move catches
    // them up before it switches (src/retrieval/reembed.ts).
    const embedder = room.embedderId
      ? await this.services.embedders.forId(room.embedderId)
      : this.services.embedder;
    if (!embedder) {
      throw new PermanentFailure(
        `This room's vectors were made by ${room.embedderId}, which this server cannot run. ` +
          `Re-embed the room with the configured embedder: npm run reembed -- --room ${room.id}`,
      );
    }
    const embedderId = embedder.id;
    const hashes = drafts.map((draft) => textHash(embedderId, draft.text));
    const reusable = await reusableEmbeddings(this.em, this.document.id, embedderId, hashes);
    const vectors: Float32Array[] = new Array(drafts.length);
    const missing = drafts
      .map((_, i) => i)
      .filter((i) => {
        const reused = reusable.get(hashes[i]!);
        if (reused) vectors[i] = reused;
        return !reused;
      });
    for (let start = 0; start < missing.length; start += EMBED_BATCH) {
      const batch = missing.slice(start, start + EMBED_BATCH);
      const embedded = await embedder.embed(
        batch.map((i) => drafts[i]!.text),
        { signal: this.job.signal },
      );
      batch.forEach((i, k) => {
        vectors[i] = embedded[k]!;
      });
      const fraction = Math.min(1, (start + batch.length) / missing.length);
      await this.report('EMBEDDING', fraction, 'Embedding', start === 0);
    }
    return {
      embedderId,
      vectorKey: liveVectorKey(room),
      vectorKeys: allVectorKeys(room),
      firstInRoom: !room.embedderId,
      hashes,
      vectors,
    };
  }

  /** Replaces the document's vectors in the store and checks every one of them landed. */
  async index(drafts: ChunkDraft[], { vectors, vectorKey, vectorKeys }: Embedded): Promise<string[]> {
    await this.report('INDEXING', 0, 'Writing to the vector store', true);
    const { document } = this;
    const roomId = vectorKey;
    const ids = drafts.map((draft) => chunkId(document.id, document.version, draft.ordinal));
    const records: VectorRecord[] = drafts.map((draft, i) => ({
      id: ids[i]!,
      roomId,
      documentId: document.id,
      text: draft.text,
      pageStart: draft.pageStart,
      pageEnd: draft.pageEnd,
      ordinal: draft.ordinal,
      vector: vectors[i]!,
    }));
    for (const key of vectorKeys) await this.services.vectorStore.deleteDocument(key, document.id);
    await this.services.vectorStore.upsert(roomId, records);
    // READY promises vectors for every chunk: a store that lost some (a concurrent rerun) means retry.
    const stored = await this.services.vectorStore.count(roomId, document.id);
    if (stored !== records.length) {
      throw new Error(`the vector store holds ${stored} of ${records.length} vectors for this document`);
    }
    return ids;
  }

  /** Chunk rows and READY in one transaction, then the final progress event. */
  async commit(
    extracted: PreparedDocument,
    { embedderId, vectorKey, firstInRoom, hashes, vectors }: Embedded,
    ids: string[],
  ) {
    const { document, job } = this;
    const roomId = document.room.id;
    const drafts = extracted.chunks;
    await this.em.transactional(async (tx) => {
      // The room row lock orders this against a re-embed switching the room's index: vectors written into
      // an index that is no longer live are done again (a retry embeds with the room's new embedder).
      const [live] = await tx
        .getConnection()
        .execute<{ id: string; vector_key: string | null }[]>(
          'select id, vector_key from room where id = ? for update',
          [roomId],
          'all',
          tx.getTransactionContext(),
        );
      if (live && liveVectorKey({ id: live.id, vectorKey: live.vector_key, reembed: null }) !== vectorKey) {
        throw new Error('the room was re-embedded while this document was being indexed');
      }
      // READY first: the row lock orders this against a concurrent cancel or replace, and a document that
      // is no longer this version's PROCESSING one rolls the whole write back.
      const marked = await tx.nativeUpdate(
        Document,
        { id: document.id, version: job.version, status: 'PROCESSING' },
        {
          status: 'READY',
          stage: 'READY',
          progress: 1,
          stageMessage: summary(extracted),
          error: null,
          pageCount: extracted.pageCount,
          ocrPageCount: extracted.ocrPageCount,
          pageCountEstimated: extracted.pageCountEstimated,
          warning: extracted.warning ?? null,
          chunkCount: drafts.length,
        },
      );
      if (marked === 0) throw new Cancelled();
      await tx.nativeDelete(Chunk, { document: document.id });
      const now = new Date();
      for (const [i, draft] of drafts.entries()) {
        tx.create(Chunk, {
          id: ids[i]!,
          createdAt: now,
          updatedAt: now,
          document: document.id,
          room: roomId,
          ordinal: draft.ordinal,
          text: draft.text,
          pageStart: draft.pageStart,
          pageEnd: draft.pageEnd,
          pageLabelStart: draft.pageLabelStart,
          pageLabelEnd: draft.pageLabelEnd,
          charStart: draft.charStart,
          charEnd: draft.charEnd,
          tokenCount: draft.tokenCount,
          headingPath: draft.headingPath,
          textHash: hashes[i]!,
          embedderId,
          embedding: Buffer.from(vectors[i]!.buffer, vectors[i]!.byteOffset, vectors[i]!.byteLength),
          boxes: draft.lines.length > 0 ? packLines(draft.lines) : null,
        });
      }
      if (firstInRoom) await tx.nativeUpdate(Room, { id: roomId, embedderId: null }, { embedderId });
    });
    Object.assign(document, {
      status: 'READY',
      error: null,
      pageCount: extracted.pageCount,
      ocrPageCount: extracted.ocrPageCount,
      pageCountEstimated: extracted.pageCountEstimated,
      warning: extracted.warning ?? null,
      chunkCount: drafts.length,
    });
    await publishProgress(this.services.pubsub, document, {
      stage: 'READY',
      progress: 1,
      message: summary(extracted),
    });
  }

  /**
   * A cancel discards what was written; a transient failure is rethrown for the queue to retry; a
   * permanent one (or the last attempt) ends FAILED with a message a person understands.
   */
  async fail(error: unknown) {
    const { document, job, services } = this;
    if (error instanceof Cancelled) {
      await discardCancelledVectors(this.em, services, document.room.id, document.id, job.version);
      return;
    }
    const permanent =
      error instanceof PermanentFailure || (error instanceof ExtractionError && error.permanent);
    const lastAttempt = job.retryCount >= job.retryLimit;
    if (!permanent && !lastAttempt) {
      services.logger.warn(
        { err: error, documentId: document.id, attempt: job.retryCount },
        'ingest will retry',
      );
      await this.report('EXTRACTING', 0, `Temporary failure, retrying: ${messageOf(error)}`).catch(
        () => undefined,
      );
      throw error;
    }
    const message = permanent
      ? messageOf(error)
      : `Ingestion failed after ${job.retryCount + 1} attempts: ${messageOf(error)}`;
    services.logger.info({ documentId: document.id, reason: message }, 'document failed');
    // Only this version, and never over a cancel: a replaced document's new job owns its state.
    const updated = await this.em.nativeUpdate(
      Document,
      { id: document.id, version: job.version, status: { $in: ['QUEUED', 'PROCESSING'] } },
      { status: 'FAILED', stage: 'FAILED', error: message, stageMessage: message },
    );
    if (updated === 0) return;
    Object.assign(document, { status: 'FAILED', error: message });
    await publishProgress(services.pubsub, document, {
      stage: 'FAILED',
      progress: document.progress,
      message,
    });
  }

  /**
   * Publishes progress; with `persist` also stores it, which matches nothing once the document was
   * cancelled, replaced (version bumped) or deleted: the job stops there instead of overwriting that state.
   */
  private async report(stage: IngestStage, fraction: number, message: string, persist = false) {
    const span = SPAN[stage as keyof typeof SPAN] ?? [1, 1];
    const progress = Math.min(1, span[0] + (span[1] - span[0]) * fraction);
    if (persist) {
      const updated = await this.em.nativeUpdate(
        Document,
        { id: this.document.id, version: this.job.version, status: { $in: ['QUEUED', 'PROCESSING'] } },
        { stage, progress, stageMessage: message, status: 'PROCESSING' },
      );
      if (updated === 0) throw new Cancelled();
    }
    await publishProgress(
      this.services.pubsub,
      { ...this.document, status: 'PROCESSING' },
      { stage, progress, message },
    );
  }
}

function summary(extracted: PreparedDocument) {
  const ocr = extracted.ocrPageCount > 0 ? ` (${extracted.ocrPageCount} read with OCR)` : '';
  const base = `${extracted.chunks.length} chunks from ${extracted.pageCount} pages${ocr}`;
  return extracted.warning ? `${base}; ${extracted.warning}` : base;
}

/**
 * A job stopped after it may have written vectors: they go when the document was cancelled or deleted.
 * A replaced document's new job clears the store itself before writing its own.
 */
async function discardCancelledVectors(
  em: EntityManager,
  services: IngestServices,
  roomId: string,
  documentId: string,
  version: number,
) {
  const current = await em.findOne(Document, documentId, {
    fields: ['status', 'version'],
    disableIdentityMap: true,
  });
  if (current && (current.version !== version || current.status !== 'FAILED')) return;
  const room = await em.findOne(Room, roomId, { disableIdentityMap: true });
  for (const key of room ? allVectorKeys(room) : [roomId]) {
    await services.vectorStore
      .deleteDocument(key, documentId)
      .catch((err) =>
        services.logger.warn({ err, documentId }, 'could not clear vectors of a cancelled ingestion'),
      );
  }
}

/** Embeddings of the document's current chunks whose text (and embedder) did not change. */
async function reusableEmbeddings(
  em: EntityManager,
  documentId: string,
  embedderId: string,
  hashes: string[],
) {
  const rows = await em.find(
    Chunk,
    { document: documentId, embedderId, textHash: { $in: [...new Set(hashes)] } },
    { fields: ['textHash', 'embedding'], populate: ['embedding'] },
  );
  const byHash = new Map<string, Float32Array>();
  for (const row of rows) {
    const buffer = row.embedding as Buffer;
    byHash.set(
      row.textHash,
      new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)),
    );
  }
  return byHash;
}

/** Identifies a chunk text embedded by one embedder: equal hashes can share a vector. */
export function textHash(embedderId: string, text: string) {
  return createHash('sha256').update(embedderId).update('\0').update(text).digest('hex');
}

/** A stable uuid per (document, version, ordinal): reruns upsert the same ids. */
export function chunkId(documentId: string, version: number, ordinal: number): string {
  const hex = createHash('sha1').update(`${documentId}:${version}:${ordinal}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
