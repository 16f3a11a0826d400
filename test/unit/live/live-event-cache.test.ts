import { describe, expect, it } from 'vitest';
import type { LiveQuizEvent } from '../../../src/events.ts';
import { LiveEventCache } from '../../../src/live/live-event-cache.ts';

const event = (sessionId: string, seq: number) => ({ sessionId, seq }) as LiveQuizEvent;

describe('the per-process live-event cache', () => {
  it('keeps only the newest event per session as events are remembered, with no subscriber asking', () => {
    const cache = new LiveEventCache();
    for (let seq = 1; seq <= 500; seq++) cache.remember(event('game', seq));
    cache.remember(event('other', 1));
    expect(cache.size).toBe(2);
  });

  it('does not replace a newer event with an older one that arrives late', () => {
    const cache = new LiveEventCache();
    cache.remember(event('game', 7));
    cache.remember(event('game', 6));
    expect(cache.size).toBe(1);
    expect(cache.latestSeq('game')).toBe(7);
  });

  it('holds a bounded number of sessions', () => {
    const cache = new LiveEventCache();
    for (let session = 0; session < 1500; session++) cache.remember(event(`s${session}`, 1));
    expect(cache.size).toBe(1000);
  });
});
