/**
 * Failed sign-ins per email in a sliding window. In-process: with several API instances each keeps its
 * own window, so the effective limit is per instance (nginx's rate limit zone bounds the total).
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(maxFailures = 5, windowMs = 15 * 60_000) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
  }

  isBlocked(email: string, now = Date.now()): boolean {
    return this.recent(email, now).length >= this.maxFailures;
  }

  recordFailure(email: string, now = Date.now()): void {
    const recent = this.recent(email, now);
    recent.push(now);
    this.failures.set(email, recent);
    if (this.failures.size > 100_000) this.prune(now);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    return (this.failures.get(email) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number): void {
    for (const [email, times] of this.failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.failures.delete(email);
    }
  }
}
