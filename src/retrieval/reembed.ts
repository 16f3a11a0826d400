/**
 * Moves a room's vectors to the configured embedder without downtime. The new vectors are written under a
 * fresh vector-store key while searches keep reading the old ones (with the old embedder, see
 * searchRoom); when every chunk is done, one locked row update switches the room to the new key and
 * embedder, and the old vectors are dropped a little later. A document ingested meanwhile is embedded
 * the old way and caught up before the switch. Resumable: a rerun continues with the chunks not yet moved.
 * The background job (`reembed-room`) and `npm run reembed` both run this.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { textHash } from '../documents/ingest-job.ts';
import { Chunk } from '../entities/document.ts';
import { Room, type RoomReembed } from '../entities/room.ts';
import type { RetrievalAdapters } from './ports.ts';
import { liveVectorKey } from './room-vectors.ts';

// Small steps: progress moves often, and a crash repeats little work.
const BATCH = 16;
/** Catch-up rounds for documents ingested during the move before giving up (the job then retries). */
const MAX_ROUNDS = 5;

export interface ReembedOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * How long the previous vectors outlive the switch, so a search that read the room just before it
   * still finds them (5 s).
   */
  dropGraceMs?: number;
}

export interface ReembedResult {
  from: string | null;
  to: string;
  chunks: number;
}

export async function reembedRoom(
  em: EntityManager,
  services: RetrievalAdapters,
  roomId: string,
  options: ReembedOptions = {},
): Promise<ReembedResult> {
  const target = services.embedder.id;
  let room = await em.findOneOrFail(Room, roomId, { disableIdentityMap: true });
  const from = room.embedderId ?? null;
  if (from === null || (from === target && !room.reembed)) return { from, to: target, chunks: 0 };
  const total = await em.count(Chunk, { room: roomId });
  if (room.reembed?.embedderId !== target) {
    // A move towards an embedder no longer configured is abandoned with its half-built index.
    if (room.reembed) await services.vectorStore.dropRoom(room.reembed.vectorKey);
    const reembed: RoomReembed = {
      embedderId: target,
      vectorKey: randomUUID(),
      done: await em.count(Chunk, { room: roomId, embedderId: target }),
      total,
      startedAt: new Date().toISOString(),
    };
    await em.nativeUpdate(Room, { id: roomId }, { reembed });
    room = { ...room, reembed };
  }
  const state = { ...room.reembed!, total };
  let moved = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (;;) {
      options.signal?.throwIfAborted();
      const chunks = await em.find(
        Chunk,
        { room: roomId, embedderId: { $ne: target } },
        { orderBy: { id: 'asc' }, limit: BATCH },
      );
      if (chunks.length === 0) break;
      const vectors = await services.embedder.embed(
        chunks.map((chunk) => chunk.text),
        { signal: options.signal },
      );
      await services.vectorStore.upsert(
        state.vectorKey,
        chunks.map((chunk, i) => ({
          id: chunk.id,
          roomId: state.vectorKey,
          documentId: chunk.document.id,
          text: chunk.text,
          pageStart: chunk.pageStart,
          pageEnd: chunk.pageEnd,
          ordinal: chunk.ordinal,
          vector: vectors[i]!,
        })),
      );
      for (const [i, chunk] of chunks.entries()) {
        const vector = vectors[i]!;
        chunk.embedding = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
        chunk.embedderId = target;
        chunk.textHash = textHash(target, chunk.text);
      }
      await em.flush();
      em.clear();
      moved += chunks.length;
      state.done = Math.min(state.total, state.done + chunks.length);
      await em.nativeUpdate(Room, { id: roomId }, { reembed: state });
      options.onProgress?.(state.done, state.total);
    }
    const oldKey = liveVectorKey(room);
    const switched = await em.transactional(async (tx) => {
      // The lock orders this against an ingestion committing into the old index at the same moment.
      await tx
        .getConnection()
        .execute('select id from room where id = ? for update', [roomId], 'all', tx.getTransactionContext());
      if ((await tx.count(Chunk, { room: roomId, embedderId: { $ne: target } })) > 0) return false;
      await tx.nativeUpdate(
        Room,
        { id: roomId },
        { embedderId: target, vectorKey: state.vectorKey, reembed: null },
      );
      return true;
    });
    if (switched) {
      if (oldKey !== state.vectorKey) {
        await new Promise((resolve) => setTimeout(resolve, options.dropGraceMs ?? 5000));
        await services.vectorStore.dropRoom(oldKey);
      }
      return { from, to: target, chunks: moved };
    }
  }
  throw new Error(`room ${roomId} kept receiving documents during its re-embed; it will be retried`);
}

/** Rooms whose vectors are not (or not yet entirely) the configured embedder's. */
export async function roomsToReembed(em: EntityManager, embedderId: string): Promise<string[]> {
  const rows = await em.find(
    Room,
    { $or: [{ embedderId: { $ne: null, $nin: [embedderId] } }, { reembed: { $ne: null } }] },
    { fields: ['id'], disableIdentityMap: true },
  );
  return rows.map((row) => row.id);
}
