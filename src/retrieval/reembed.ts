import type { EntityManager } from '@mikro-orm/postgresql';
import { textHash } from '../documents/ingest-job.ts';
import { Chunk } from '../entities/document.ts';
import { Room } from '../entities/room.ts';
import type { RetrievalAdapters } from './ports.ts';

const BATCH = 256;

/**
 * Re-embeds every chunk of a room with the configured embedder and rebuilds its vectors, so a room
 * indexed with another embedder (or dimension) becomes searchable again. Returns the chunk count.
 */
export async function reembedRoom(
  em: EntityManager,
  services: RetrievalAdapters,
  roomId: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const room = await em.findOneOrFail(Room, roomId);
  const embedderId = services.embedder.id;
  const total = await em.count(Chunk, { room: roomId });
  await services.vectorStore.dropRoom(roomId);
  let done = 0;
  for (let offset = 0; offset < total; offset += BATCH) {
    const chunks = await em.find(Chunk, { room: roomId }, { orderBy: { id: 'asc' }, offset, limit: BATCH });
    const vectors = await services.embedder.embed(chunks.map((chunk) => chunk.text));
    for (const [i, chunk] of chunks.entries()) {
      const vector = vectors[i]!;
      chunk.embedding = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
      chunk.embedderId = embedderId;
      chunk.textHash = textHash(embedderId, chunk.text);
    }
    await services.vectorStore.upsert(
      roomId,
      chunks.map((chunk, i) => ({
        id: chunk.id,
        roomId,
        documentId: chunk.document.id,
        text: chunk.text,
        pageStart: chunk.pageStart,
        pageEnd: chunk.pageEnd,
        ordinal: chunk.ordinal,
        vector: vectors[i]!,
      })),
    );
    await em.flush();
    em.clear();
    done += chunks.length;
    onProgress(done, total);
  }
  await em.nativeUpdate(Room, { id: room.id }, { embedderId });
  return done;
}
