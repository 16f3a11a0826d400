import { print } from 'graphql';
import { DeckDocument, DeckProgressDocument } from '../generated/operations.ts';
import { call, wsClient } from './client.ts';
import type { TestServer } from './server.ts';

export interface DeckProgressEvent {
  status: string;
  drafted: number;
  verified: number;
  rejected: number;
  round: number;
}

/** Follows deckProgress until it completes (READY or FAILED). */
export async function followDeck(wsUrl: string, token: string, deckId: string): Promise<DeckProgressEvent[]> {
  const client = wsClient(wsUrl, token);
  const events: DeckProgressEvent[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(DeckProgressDocument), variables: { deckId } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else events.push((value.data as { deckProgress: DeckProgressEvent }).deckProgress);
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return events;
}

export async function loadDeck(url: string, token: string, id: string) {
  const { node } = await call(url, DeckDocument, { id }, token);
  if (node?.__typename !== 'Deck') throw new Error(`deck ${id} not visible`);
  return node;
}

/** Sets the server's clock (services.clock) to a fixed instant: how tests move through simulated days. */
export function setClock(server: TestServer, at: Date | string | number) {
  const instant = new Date(at);
  server.services.clock = { now: () => new Date(instant) };
}
