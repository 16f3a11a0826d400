import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Card, Deck } from '../src/entities/flashcard.ts';
import type { LoaderOptions } from './group.ts';
import { groupBy } from './group.ts';

/** The room's generated decks and the viewer's own missed-questions deck, newest first. */
export function decksByRoomLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, Deck[]>(async (roomIds) => {
    const decks = await em.find(
      Deck,
      { room: { $in: [...roomIds] }, $or: [{ owner: null }, ...(viewerId ? [{ owner: viewerId }] : [])] },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupBy(roomIds, decks, (deck) => deck.room.id);
  }, options);
}

export function cardsByDeckLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Card[]>(async (deckIds) => {
    const cards = await em.find(
      Card,
      { deck: { $in: [...deckIds] } },
      { orderBy: { ordinal: 'asc', createdAt: 'asc', id: 'asc' } },
    );
    return groupBy(deckIds, cards, (card) => card.deck.id);
  }, options);
}
