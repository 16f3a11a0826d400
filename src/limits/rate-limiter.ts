/** What `take` answers: a slot (with a way to give it back), or how long until one frees up. */
export type RateLimitSlot = { allowed: true; refund(): void } | { allowed: false; retryAfterMs: number };

/**
 * At most `limit` attempts per key in a sliding window, in this process. `take` decides synchronously,
 * before the caller awaits anything, so concurrent requests are counted as they arrive: N parallel
 * attempts cannot all pass a check that runs before any of them is recorded. A caller whose attempt
 * turned out harmless (a successful join, say) refunds its slot, so only failures use up the limit.
 *
 * With several API instances each keeps its own window: the effective limit is per instance.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** One slot under every key at once, or none: a refusal under one key takes nothing under the others. */
  take(keys: readonly string[]): RateLimitSlot {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limit)
        retryAfterMs = Math.max(retryAfterMs, recent[0]! + this.windowMs - now);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const key of keys) this.hits.set(key, [...this.recent(key, now), now]);
    if (this.hits.size > 100_000) this.prune(now);
    let refunded = false;
    return {
      allowed: true,
      refund: () => {
        if (refunded) return;
        refunded = true;
        for (const key of keys) {
          const times = this.hits.get(key);
          const at = times?.lastIndexOf(now) ?? -1;
          if (times && at >= 0) times.splice(at, 1);
        }
      },
    };
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((at) => now - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
