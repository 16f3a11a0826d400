import type { EntityManager } from '@mikro-orm/postgresql';
import { Deck } from '../entities/flashcard.ts';
import type { DeckProgressEvent } from '../events.ts';
import type { PubSub } from '../pubsub.ts';

type DeckState = Pick<Deck, 'id' | 'status' | 'error' | 'stats'>;

export function deckProgressOf(deck: DeckState): DeckProgressEvent {
  return { deckId: deck.id, status: deck.status, error: deck.error ?? null, stats: deck.stats ?? null };
}

export function publishDeckProgress(pubsub: PubSub, deck: DeckState) {
  pubsub.publish('deck:progress', deck.id, deckProgressOf(deck));
}

/** The deck's stored progress, for a subscriber's first event; null when it does not exist. */
export async function currentDeckProgress(
  em: EntityManager,
  deckId: string,
): Promise<DeckProgressEvent | null> {
  const deck = await em.findOne(Deck, deckId, { disableIdentityMap: true });
  return deck ? deckProgressOf(deck) : null;
}
