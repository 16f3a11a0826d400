import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Topics } from './events.ts';

/**
 * In-process by default; with REDIS_URL every topic goes through Redis, so an event published on one
 * instance reaches subscribers on all of them (in publish order: one publishing connection per process).
 */
export function createAppPubSub(redisUrl?: string) {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const pubsub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    pubsub,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/**
 * A subscription that first yields the current state, then live events, and ends after a terminal one.
 * It listens before reading the snapshot, so an event published in between is not lost (at worst it
 * arrives once more after a snapshot that already contains it, which consumers treat as idempotent).
 */
export async function* withSnapshot<T>(
  live: AsyncIterable<T>,
  snapshot: () => Promise<T | null>,
  isTerminal: (event: T) => boolean,
): AsyncGenerator<T> {
  const iterator = live[Symbol.asyncIterator]();
  const pending = iterator.next();
  try {
    const current = await snapshot();
    if (current) {
      yield current;
      if (isTerminal(current)) return;
    }
    let next = await pending;
    while (!next.done) {
      yield next.value;
      if (isTerminal(next.value)) return;
      next = await iterator.next();
    }
  } finally {
    await iterator.return?.();
  }
}
