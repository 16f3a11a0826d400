import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamCoalescer } from '../../src/stream-deltas.ts';

/** A text stream whose publishes are recorded as the text each one carried. */
function stream(windowMs: number, maxChars?: number) {
  let text = '';
  const published: string[] = [];
  const coalescer = new StreamCoalescer(() => published.push(text), windowMs, maxChars);
  const add = (delta: string, urgent = false) => {
    text += delta;
    coalescer.add(delta.length, urgent);
  };
  return { coalescer, published, add };
}

describe('StreamCoalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes the first token at once and the burst after it at the end of the window', () => {
    const { published, add } = stream(16);
    add('a ');
    expect(published).toEqual(['a ']);
    add('b ');
    add('c ');
    vi.advanceTimersByTime(15);
    expect(published).toEqual(['a ']);
    vi.advanceTimersByTime(1);
    expect(published).toEqual(['a ', 'a b c ']);
  });

  it('publishes at once again after a quiet window', () => {
    const { published, add } = stream(16);
    add('a ');
    vi.advanceTimersByTime(40);
    add('b ');
    expect(published).toEqual(['a ', 'a b ']);
  });

  it('publishes early once enough text waits', () => {
    const { published, add } = stream(16, 10);
    add('first ');
    add('12345');
    expect(published).toEqual(['first ']);
    add('67890');
    expect(published).toEqual(['first ', 'first 1234567890']);
  });

  it('flushes what waits, publishes urgent changes at once, and cancels before the final event', () => {
    const { coalescer, published, add } = stream(16);
    add('a ');
    add('b ');
    coalescer.flush();
    expect(published).toEqual(['a ', 'a b ']);
    coalescer.flush();
    expect(published).toHaveLength(2);
    add('c ', true);
    expect(published).toEqual(['a ', 'a b ', 'a b c ']);
    add('d ');
    coalescer.cancel();
    vi.advanceTimersByTime(100);
    expect(published).toHaveLength(3);
  });

  it('publishes every change with a window of 0', () => {
    const { published, add } = stream(0);
    for (const token of ['a', 'b', 'c']) add(token);
    expect(published).toEqual(['a', 'ab', 'abc']);
  });
});
