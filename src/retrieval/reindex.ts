/**
 * Rebuilds the vector store from PostgreSQL, which keeps every chunk's text and vector: after a restore,
 * or when Weaviate lost its data. No embedding runs, so it takes as long as the writes. Each room's keys
 * are emptied first, so vectors of chunks that no longer exist do not come back in searches. A chunk goes
 * under the key of its embedder: the live key, or during a re-embed the key being built, whose job then
 * finishes the move (chunks it had already moved are missing from the live key until the switch).
 */
import type pg from 'pg';
import type { RoomReembed } from '../entities/room.ts';
import type { VectorRecord, VectorStore } from './ports.ts';
import { allVectorKeys, liveVectorKey } from './room-vectors.ts';

const PAGE = 256;

interface RoomRow {
  id: string;
  vectorKey: string | null;
  reembed: RoomReembed | null;
}

interface ChunkRow {
  id: string;
  documentId: string;
  text: string;
  pageStart: number;
  pageEnd: number;
  ordinal: number;
  embedding: Buffer;
  embedderId: string;
}

/** Returns how many chunks it wrote. */
export async function reindexVectors(
  db: pg.Pool | pg.ClientBase,
  store: VectorStore,
  onProgress?: (chunks: number) => void,
): Promise<number> {
  const { rows: rooms } = await db.query<RoomRow>(
    'select id, vector_key as "vectorKey", reembed from room order by id',
  );
  let written = 0;
  for (const room of rooms) {
    for (const key of allVectorKeys(room)) await store.dropRoom(key);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await db.query<ChunkRow>(
        `select id, document_id as "documentId", text, page_start as "pageStart", page_end as "pageEnd",
                ordinal, embedding, embedder_id as "embedderId"
           from chunk where room_id = $1 and id > $2 order by id limit $3`,
        [room.id, after, PAGE],
      );
      if (rows.length === 0) break;
      const byKey = new Map<string, VectorRecord[]>();
      for (const chunk of rows) {
        const key =
          room.reembed && chunk.embedderId === room.reembed.embedderId
            ? room.reembed.vectorKey
            : liveVectorKey(room);
        const records = byKey.get(key) ?? [];
        records.push({
          id: chunk.id,
          roomId: key,
          documentId: chunk.documentId,
          text: chunk.text,
          pageStart: chunk.pageStart,
          pageEnd: chunk.pageEnd,
          ordinal: chunk.ordinal,
          // A copy: a Buffer from pg may sit at an offset a Float32Array cannot start at.
          vector: new Float32Array(new Uint8Array(chunk.embedding).buffer),
        });
        byKey.set(key, records);
      }
      for (const [key, records] of byKey) await store.upsert(key, records);
      written += rows.length;
      after = rows.at(-1)!.id;
      onProgress?.(written);
    }
  }
  return written;
}
