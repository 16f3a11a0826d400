import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk, Document } from '../entities/document.ts';
import { Card, Deck } from '../entities/flashcard.ts';
import { sampleChunks } from '../quizzes/engine/sample-chunks.ts';
import { buildVocabulary } from '../quizzes/engine/vocabulary.ts';
import type { Services } from '../services.ts';
import { publishDeckProgress } from './deck-progress.ts';
import { generateVerifiedCards } from './engine/generate.ts';
import type { CardGenerationStats } from './engine/types.ts';
import { quoteLocation } from './evidence.ts';
import type { FlashcardEngines } from './flashcard-engines.ts';

export interface DeckJob {
  deckId: string;
  retryCount: number;
  retryLimit: number;
  signal?: AbortSignal;
}

export type DeckJobServices = Pick<Services, 'orm' | 'pubsub' | 'logger'> & {
  flashcardEngines: FlashcardEngines;
};

// The vocabulary that cloze terms are ranked by comes from the whole room, bounded so a huge room stays cheap.
const VOCABULARY_CHUNKS = 3000;

/**
 * Drafts and verifies a deck. Idempotent: a rerun (after a crash) replaces whatever cards an earlier attempt
 * stored. The last failing attempt marks the deck FAILED, so a deck never stays GENERATING.
 */
export async function runDeckJob(services: DeckJobServices, job: DeckJob): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const deck = await em.findOne(Deck, job.deckId);
  if (!deck || deck.status !== 'GENERATING') return;
  try {
    const chunks = await em.find(
      Chunk,
      { document: { $in: deck.documentIds } },
      { fields: ['id', 'document', 'text', 'pageStart', 'pageEnd', 'ordinal'], orderBy: { ordinal: 'asc' } },
    );
    const roomTexts = await em.find(
      Chunk,
      { room: deck.room.id },
      { fields: ['text'], limit: VOCABULARY_CHUNKS },
    );
    const titles = new Map(
      (await em.find(Document, { id: { $in: deck.documentIds } }, { fields: ['title'] })).map((d) => [
        d.id,
        d.title,
      ]),
    );
    const sources = chunks.map((chunk) => ({
      chunkId: chunk.id,
      documentId: chunk.document.id,
      text: chunk.text,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
      ordinal: chunk.ordinal,
    }));
    const sampled = sampleChunks(sources, Math.max(8, deck.requestedCount * 2), { seed: deck.id });
    let lastSaved = 0;
    const result = await generateVerifiedCards({
      drafter: services.flashcardEngines.drafter({
        vocabulary: buildVocabulary(roomTexts.map((chunk) => chunk.text)),
      }),
      chunks: sampled,
      count: deck.requestedCount,
      signal: job.signal,
      onProgress: async (stats) => {
        publishDeckProgress(services.pubsub, { ...deck, stats });
        if (Date.now() - lastSaved > 500) {
          lastSaved = Date.now();
          await em.nativeUpdate(Deck, { id: deck.id }, { stats });
        }
      },
    });
    const status = result.cards.length > 0 ? 'READY' : 'FAILED';
    const stats: CardGenerationStats = {
      ...result.stats,
      note:
        result.stats.note ??
        (sampled.length === 0
          ? 'The selected documents have no passages of prose to make cards from.'
          : undefined),
    };
    const byChunk = new Map(chunks.map((chunk) => [chunk.id, chunk]));
    await em.transactional(async (tx) => {
      await tx.nativeDelete(Card, { deck: deck.id });
      for (const [ordinal, card] of result.cards.entries()) {
        const { evidence } = card;
        tx.create(Card, {
          deck: deck.id,
          room: deck.room.id,
          ordinal,
          kind: card.kind,
          front: card.front,
          back: card.back,
          chunk: evidence.chunkId,
          document: evidence.documentId,
          documentTitle: titles.get(evidence.documentId) ?? 'Untitled',
          quote: evidence.quote,
          pageStart: evidence.pageStart,
          pageEnd: evidence.pageEnd,
          ...quoteLocation(byChunk.get(evidence.chunkId) ?? null, evidence.pageStart, evidence.quote),
        });
      }
      await tx.nativeUpdate(
        Deck,
        { id: deck.id },
        { status, stats, error: status === 'FAILED' ? (stats.note ?? 'No card passed verification') : null },
      );
    });
    Object.assign(deck, { status, stats, error: status === 'FAILED' ? (stats.note ?? null) : null });
    publishDeckProgress(services.pubsub, deck);
  } catch (error) {
    if (job.retryCount < job.retryLimit && !job.signal?.aborted) throw error;
    const message = `Flashcard generation failed: ${error instanceof Error ? error.message : String(error)}`;
    await em.nativeUpdate(Deck, { id: deck.id, status: 'GENERATING' }, { status: 'FAILED', error: message });
    Object.assign(deck, { status: 'FAILED', error: message });
    publishDeckProgress(services.pubsub, deck);
  }
}
