import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { LiveQuizDocument, type LiveQuizSubscription } from '../generated/operations.ts';
import { wsClient } from './client.ts';

export type LiveEvent = LiveQuizSubscription['liveQuiz'];

/** A player's (or host's) screen: every liveQuiz event it received, in order. */
export class LiveWatcher {
  readonly events: LiveEvent[] = [];
  readonly done: Promise<void>;
  private readonly client: Client;

  constructor(wsUrl: string, token: string, sessionId: string) {
    this.client = wsClient(wsUrl, token);
    this.done = new Promise<void>((resolve, reject) => {
      this.client.subscribe(
        { query: print(LiveQuizDocument), variables: { sessionId } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else this.events.push((value.data as LiveQuizSubscription).liveQuiz);
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  }

  get last(): LiveEvent | undefined {
    return this.events.at(-1);
  }

  async waitFor(predicate: (event: LiveEvent) => boolean, timeoutMs = 10_000): Promise<LiveEvent> {
    const started = Date.now();
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `no matching live event; got ${JSON.stringify(this.events.map((e) => [e.seq, e.state]))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close() {
    return this.client.dispose();
  }
}
