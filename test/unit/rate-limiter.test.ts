import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/limits/rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows `limit` takes per window, then says how long until the oldest expires', () => {
    let now = 1_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.take(['k']).allowed).toBe(true);
      now += 10_000;
    }
    const refused = limiter.take(['k']);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_000;
    expect(limiter.take(['k']).allowed).toBe(true);
  });

  it('gives a slot back on refund, once', () => {
    const limiter = new RateLimiter(1, 60_000, () => 5);
    const slot = limiter.take(['k']);
    expect(slot.allowed).toBe(true);
    if (slot.allowed) {
      slot.refund();
      slot.refund();
    }
    expect(limiter.take(['k']).allowed).toBe(true);
    expect(limiter.take(['k']).allowed).toBe(false);
  });

  it('takes under every key or none', () => {
    const limiter = new RateLimiter(1, 60_000, () => 5);
    expect(limiter.take(['user:a']).allowed).toBe(true);
    expect(limiter.take(['user:a', 'socket:1']).allowed).toBe(false);
    // The refusal took nothing from the socket.
    expect(limiter.take(['user:b', 'socket:1']).allowed).toBe(true);
  });
});
