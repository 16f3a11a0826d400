import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk } from '../entities/document.ts';
import { Room } from '../entities/room.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_ALPHA } from './fusion.ts';
import { type RetrievalAdapters, type VectorStore, VectorStoreUnavailableError } from './ports.ts';

export interface SearchHit {
  score: number;
  chunk: Chunk;
}

/** Hybrid search in one room: embed the query, ask the vector store, load the chunks in rank order. */
export async function searchRoom(
  em: EntityManager,
  services: RetrievalAdapters,
  input: { roomId: string; query: string; limit: number; alpha?: number; documentIds?: string[] },
): Promise<SearchHit[]> {
  const room = await em.findOneOrFail(Room, input.roomId);
  if (room.embedderId && room.embedderId !== services.embedder.id) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `This room was indexed with ${room.embedderId} but the server embeds with ${services.embedder.id}; ` +
        `re-embed it with: npm run reembed -- --room ${room.id}`,
    );
  }
  let hits: Awaited<ReturnType<VectorStore['query']>>;
  try {
    const [vector] = await services.embedder.embed([input.query]);
    hits = await services.vectorStore.query({
      roomId: input.roomId,
      text: input.query,
      vector: vector!,
      alpha: input.alpha ?? DEFAULT_ALPHA,
      limit: input.limit,
      documentIds: input.documentIds,
    });
  } catch (error) {
    if (error instanceof VectorStoreUnavailableError) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'Search is unavailable right now: the vector store cannot be reached',
      );
    }
    throw error;
  }
  if (hits.length === 0) return [];
  const chunks = await em.find(Chunk, { id: { $in: hits.map((hit) => hit.chunkId) } });
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  // A vector without its row (a document deleted between the two reads) is skipped, not an error.
  return hits.flatMap((hit) => {
    const chunk = byId.get(hit.chunkId);
    return chunk ? [{ score: hit.score, chunk }] : [];
  });
}
