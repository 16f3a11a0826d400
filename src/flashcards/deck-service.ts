import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinBudget, type BudgetServices } from '../budgets/usage-service.ts';
import { readyDocuments } from '../documents/document-service.ts';
import { Chunk, Document } from '../entities/document.ts';
import { Card, Deck } from '../entities/flashcard.ts';
import type { Question } from '../entities/quiz.ts';
import { Room } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { sendForRoom } from '../jobs/fair-queue.ts';
import { chargeTo, QUEUES } from '../jobs/queue.ts';
import type { Services } from '../services.ts';
import { publishDeckProgress } from './deck-progress.ts';
import { deckToAnkiText } from './engine/anki.ts';
import { quoteLocation } from './evidence.ts';

export interface GenerateFlashcardsInput {
  roomId: string;
  documentIds?: string[] | null;
  count: number;
  title?: string | null;
}

/** Creates a GENERATING deck over READY documents of the room and enqueues its generation. */
export async function generateFlashcards(
  em: EntityManager,
  services: Pick<Services, 'queue' | 'pubsub' | 'config'> & BudgetServices,
  creatorId: string,
  input: GenerateFlashcardsInput,
): Promise<Deck> {
  const documents = await readyDocuments(em, input.roomId, input.documentIds, 'flashcards', {
    includeEditorsOnly: true,
  });
  await assertWithinBudget(em, services, {
    roomId: input.roomId,
    userId: creatorId,
    spending: { kind: 'llm' },
  });
  const deck = em.create(Deck, {
    room: em.getReference(Room, input.roomId),
    createdBy: em.getReference(User, creatorId),
    kind: 'GENERATED',
    title:
      input.title?.trim() ||
      `Flashcards on ${documents.map((document) => document.title).join(', ')}`.slice(0, 200),
    documentIds: documents.map((document) => document.id),
    requestedCount: input.count,
  });
  await em.flush();
  deck.jobId = await sendForRoom(
    services.queue,
    services.config,
    QUEUES.flashcards,
    input.roomId,
    { deckId: deck.id, ...chargeTo(input.roomId, creatorId) },
    { singletonKey: deck.id },
  );
  await em.flush();
  publishDeckProgress(services.pubsub, deck);
  return deck;
}

/** The deck's cards as Anki-importable text (see engine/anki.ts). */
export async function exportDeck(em: EntityManager, deck: Deck): Promise<string> {
  const cards = await em.find(Card, { deck: deck.id }, { orderBy: { ordinal: 'asc', createdAt: 'asc' } });
  return deckToAnkiText(deck.title, cards);
}

const MISSED_TITLE = 'Missed questions';

/** The member's missed-questions deck in the room, created on first use (concurrent first uses agree). */
async function missedQuestionsDeck(em: EntityManager, userId: string, roomId: string): Promise<Deck> {
  const existing = await em.findOne(Deck, { room: roomId, owner: userId });
  if (existing) return existing;
  const fork = em.fork();
  fork.create(Deck, {
    room: fork.getReference(Room, roomId),
    createdBy: fork.getReference(User, userId),
    owner: fork.getReference(User, userId),
    kind: 'MISSED_QUESTIONS',
    title: MISSED_TITLE,
    status: 'READY',
    documentIds: [],
    requestedCount: 0,
  });
  try {
    await fork.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  return em.findOneOrFail(Deck, { room: roomId, owner: userId });
}

/**
 * A question answered wrong becomes a card (prompt → answer, with the question's evidence) in the member's
 * missed-questions deck, once: the unique (deck, question) pair makes a repeat miss a no-op. Scheduled as
 * new, as every card the member has not reviewed.
 */
export async function addMissedQuestion(
  em: EntityManager,
  userId: string,
  roomId: string,
  question: Question,
): Promise<void> {
  const deck = await missedQuestionsDeck(em, userId, roomId);
  const chunk = question.chunk ? await em.findOne(Chunk, question.chunk.id, { fields: ['pageStart'] }) : null;
  const document = question.document
    ? await em.findOne(Document, question.document.id, { fields: ['title'] })
    : null;
  const ordinal = await em.count(Card, { deck: deck.id });
  const { pageLabel, highlights } = quoteLocation(chunk, question.pageStart, question.quote);
  await em
    .createQueryBuilder(Card)
    .insert({
      // A query-builder insert runs no onCreate hooks: the base columns are given here.
      id: randomUUID(),
      createdAt: new Date(),
      updatedAt: new Date(),
      deck: deck.id,
      room: roomId,
      ordinal,
      kind: 'MISSED_QUESTION',
      front: question.prompt,
      back: question.answer,
      chunk: question.chunk?.id ?? null,
      document: question.document?.id ?? null,
      documentTitle: document?.title ?? 'Deleted document',
      quote: question.quote,
      pageStart: question.pageStart,
      pageEnd: question.pageEnd,
      pageLabel,
      highlights,
      sourceQuestion: question.id,
    })
    .onConflict(['deck', 'sourceQuestion'])
    .ignore()
    .execute();
}
