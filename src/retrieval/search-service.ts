import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk, Document } from '../entities/document.ts';
import { Room } from '../entities/room.ts';
import { AppError } from '../errors.ts';
import { defaultAlphaFor } from './fusion.ts';
import { type RetrievalAdapters, type VectorStore, VectorStoreUnavailableError } from './ports.ts';
import { liveVectorKey } from './room-vectors.ts';

export interface SearchHit {
  score: number;
  chunk: Chunk;
}

/**
 * Hybrid search in one room: embed the query, ask the vector store, load the chunks in rank order, and
 * rerank the head when a reranker is configured.
 */
export async function searchRoom(
  em: EntityManager,
  services: RetrievalAdapters,
  input: {
    roomId: string;
    query: string;
    limit: number;
    alpha?: number;
    documentIds?: string[];
    /** False for a viewer: editor-only documents are left out of the query and of the chunks loaded. */
    includeEditorsOnly: boolean;
  },
): Promise<SearchHit[]> {
  const room = await em.findOneOrFail(Room, input.roomId);
  const excluded = input.includeEditorsOnly ? [] : await editorsOnlyDocumentIds(em, room.id);
  // The room's live vectors may come from another embedder while it moves to the configured one: the
  // query is embedded in the space the room is searched in, until the move commits.
  const embedder = room.embedderId ? await services.embedders.forId(room.embedderId) : services.embedder;
  if (!embedder) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `This room was indexed with ${room.embedderId}, which this server cannot run; it moves to ` +
        `${services.embedder.id} in the background (or now: npm run reembed -- --room ${room.id})`,
    );
  }
  let hits: Awaited<ReturnType<VectorStore['query']>>;
  try {
    const [vector] = await embedder.embed([input.query], { input: 'query' });
    hits = await services.vectorStore.query({
      roomId: liveVectorKey(room),
      text: input.query,
      vector: vector!,
      alpha: input.alpha ?? defaultAlphaFor(embedder.id),
      // The reranker picks from a deeper list than the caller asked for.
      limit: Math.max(input.limit, services.reranker?.candidates ?? 0),
      documentIds: input.documentIds,
      excludeDocumentIds: excluded,
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
  // Checked again on the rows: a document made editor-only after the query was sent stays out.
  const chunks = await em.find(Chunk, {
    id: { $in: hits.map((hit) => hit.chunkId) },
    ...(input.includeEditorsOnly ? {} : { document: { visibility: 'MEMBERS' } }),
  });
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  // A vector without its row (a document deleted between the two reads) is skipped, not an error.
  const found = hits.flatMap((hit) => {
    const chunk = byId.get(hit.chunkId);
    return chunk ? [{ score: hit.score, chunk }] : [];
  });
  if (!services.reranker) return found;
  const reranked = await services.reranker.rerank(input.query, found, (hit) => hit.chunk.text);
  return reranked.slice(0, input.limit);
}

/** The room's editor-only documents: what a viewer's retrieval leaves out. */
export async function editorsOnlyDocumentIds(em: EntityManager, roomId: string): Promise<string[]> {
  const rows = await em.find(Document, { room: roomId, visibility: 'EDITORS' }, { fields: ['id'] });
  return rows.map((row) => row.id);
}
