import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Topics } from './events.ts';

/**
 * In-process by default; with REDIS_URL every topic goes through Redis, so an event published on one
 * instance reaches subscribers on all of them (in publish order: one publishing connection per process).
 */
export function createAppPubSub(redisUrl?: string) {
  if (!redisUrl) {
    // A live quiz has a listener per player on one topic: Node's default of 10 per event type would
    // print MaxListenersExceededWarning for any game of more than ten.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub<Topics>({ eventTarget }), close: async () => {} };
  }
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

const ENDED = Symbol('ended');

/** What a subscription needs from its operation: the pub/sub, and the signal that ends the operation. */
export interface SubscriptionOperation {
  services: { pubsub: PubSub };
  /** Aborted when the client completes the subscription or its socket (or SSE request) closes. */
  signal: AbortSignal;
}

export interface LiveSubscriptionOptions<T, R> {
  /** The current state, sent first (null: nothing yet). */
  snapshot?: () => Promise<T | null>;
  /** The subscription ends after this event (READY, FAILED, FINISHED, done). */
  isTerminal?: (event: T) => boolean;
  /**
   * This subscriber's view of an event, or undefined to skip it. Stateful per subscriber (seen text,
   * last seq): build it in `subscribe`, e.g. `select: newerOnly()`.
   */
  select?: (event: T) => R | undefined;
}

/**
 * The one way to write a subscription: `subscribe: (_root, args, context) => liveSubscription(context,
 * topic, id, { snapshot, isTerminal, select })`. It listens before reading the snapshot (an event published
 * in between arrives once more after it, which consumers treat as idempotent), sends the snapshot, then
 * live events, and ends after a terminal one.
 *
 * It ends at once, without waiting for an event, when the client completes or disconnects: `return()`
 * on the Repeater resolves immediately, and every wait inside races the operation's `signal`. (A native
 * async generator cannot do this: its `return()` queues behind the `next()` it is awaiting, so an
 * abandoned subscription on a silent topic lived, with its context, until the topic's next event.) Per
 * subscriber filtering goes in `select`, not in an async generator wrapped around the result.
 */
export function liveSubscription<K extends keyof Topics, R = Topics[K][1]>(
  operation: SubscriptionOperation,
  topic: K,
  id: Topics[K][0],
  options: LiveSubscriptionOptions<Topics[K][1], R> = {},
): Repeater<R> {
  type T = Topics[K][1];
  const { snapshot, isTerminal = () => false, select = (event: T) => event as unknown as R } = options;
  const subscribe = operation.services.pubsub.subscribe as (topic: K, id: Topics[K][0]) => AsyncIterable<T>;
  return new Repeater<R>(async (push, stop) => {
    let onAbort = () => {};
    const ended = new Promise<typeof ENDED>((resolve) => {
      onAbort = () => resolve(ENDED);
      void stop.then(onAbort);
      if (operation.signal.aborted) onAbort();
      else operation.signal.addEventListener('abort', onAbort, { once: true });
    });
    const live = subscribe(topic, id)[Symbol.asyncIterator]();
    const first = live.next(); // listening starts here, before the snapshot is read
    // Sends one event; true when the subscription is over.
    const deliver = async (event: T): Promise<boolean> => {
      const value = select(event);
      if (value !== undefined && (await Promise.race([push(value), ended])) === ENDED) return true;
      return isTerminal(event);
    };
    try {
      if (snapshot) {
        const reading = snapshot();
        reading.catch(() => {}); // still rethrown below unless the subscription ended first
        const current = await Promise.race([reading, ended]);
        if (current === ENDED || (current && (await deliver(current)))) return;
      }
      let next = await Promise.race([first, ended]);
      while (next !== ENDED && !next.done) {
        if (await deliver(next.value)) return;
        next = await Promise.race([live.next(), ended]);
      }
    } finally {
      operation.signal.removeEventListener('abort', onAbort);
      stop();
      await live.return?.();
    }
  });
}
