import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/events.ts';
import { createAppPubSub, liveSubscription } from '../../../src/pubsub.ts';

const progress = (stage: ProgressEvent['stage']) =>
  ({
    documentId: 'd',
    stage,
    progress: 0,
    message: null,
    status: 'PROCESSING',
    error: null,
  }) as ProgressEvent;

function operation() {
  const controller = new AbortController();
  return { controller, services: { pubsub: createAppPubSub().pubsub }, signal: controller.signal };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

describe('liveSubscription', () => {
  it('sends the snapshot, then live events, and ends after a terminal one', async () => {
    const op = operation();
    const stream = liveSubscription(op, 'document:progress', 'd', {
      snapshot: async () => progress('EXTRACTING'),
      isTerminal: (event) => event.stage === 'READY',
    });
    expect((await stream.next()).value.stage).toBe('EXTRACTING');
    const next = stream.next();
    op.services.pubsub.publish('document:progress', 'd', progress('READY'));
    expect((await next).value.stage).toBe('READY');
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('returns at once while waiting on a silent topic', async () => {
    const op = operation();
    const stream = liveSubscription(op, 'document:progress', 'd', {
      snapshot: async () => progress('QUEUED'),
    });
    await stream.next();
    const pending = stream.next();
    expect(await within(stream.return(undefined), 100)).toMatchObject({ done: true });
    expect(await within(pending, 100)).toMatchObject({ done: true });
  });

  it('ends when the operation is aborted, even behind an async generator wrapped around it', async () => {
    const op = operation();
    async function* wrapper() {
      for await (const event of liveSubscription(op, 'document:progress', 'd')) yield event;
    }
    const stream = wrapper();
    const pending = stream.next();
    op.controller.abort();
    expect(await within(pending, 100)).toMatchObject({ done: true });
  });

  it('ends while the snapshot is still being read', async () => {
    const op = operation();
    const stream = liveSubscription(op, 'document:progress', 'd', {
      snapshot: () => new Promise<ProgressEvent>(() => {}),
    });
    const pending = stream.next();
    op.controller.abort();
    expect(await within(pending, 100)).toMatchObject({ done: true });
  });

  it('skips events `select` drops, keeping its state per subscriber', async () => {
    const op = operation();
    let seen = 0;
    const stream = liveSubscription(op, 'document:progress', 'd', {
      select: (event) => {
        if (event.progress <= seen) return undefined;
        seen = event.progress;
        return event.progress;
      },
    });
    const first = stream.next();
    for (const value of [0.5, 0.2, 0.7]) {
      op.services.pubsub.publish('document:progress', 'd', { ...progress('EMBEDDING'), progress: value });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await first).value).toBe(0.5);
    expect((await stream.next()).value).toBe(0.7);
    await stream.return(undefined);
  });
});
