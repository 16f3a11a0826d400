import { AppError } from '../errors.ts';

const MINUTE = 60_000;

/** Timestamps per key within a sliding window; bounded in keys. */
class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  readonly limit: number;
  readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  /** Milliseconds until the oldest hit leaves the window. */
  retryAfter(key: string, now: number): number {
    const oldest = this.recent(key, now)[0];
    return oldest === undefined ? 0 : oldest + this.windowMs - now;
  }

  add(key: string, at: number): void {
    const recent = this.recent(key, at);
    recent.push(at);
    this.hits.set(key, recent);
    if (this.hits.size > 100_000) this.prune(at);
  }

  /** Takes back one hit (an attempt that turned out not to be a failure). */
  remove(key: string, at: number): void {
    const hits = this.hits.get(key);
    const index = hits?.indexOf(at) ?? -1;
    if (hits && index >= 0) hits.splice(index, 1);
  }

  clear(key: string): void {
    this.hits.delete(key);
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

export interface SignInAttempt {
  /** The password was right: this attempt was no failure, and the address is now known for the email. */
  succeeded(): void;
}

export interface AuthLimitOptions {
  signUpsPerAddressPerHour?: number;
}

/**
 * Brute-force limits for sign-in, sign-up and password changes, per process. Each attempt is counted
 * when it starts, before the (slow) password check, so parallel guesses cannot all slip through, and is
 * taken back if the password was right.
 *
 * - per (email, client address): 5 attempts in 15 minutes: one guesser gets 5 tries at an account;
 * - per client address: 50 failed attempts in 15 minutes, whatever the emails (credential stuffing);
 * - per email, from all addresses: 20 in 15 minutes (a botnet). This one does not stop a right password
 *   from an address that account has signed in from before, so a stranger cannot lock the owner out.
 *
 * Limits count emails whether or not an account uses them, so they reveal nothing. With several API
 * instances each keeps its own counts (nginx's limit_req bounds the total rate per address).
 */
export class AuthLimits {
  private readonly perPair = new SlidingWindow(5, 15 * MINUTE);
  private readonly perAddress = new SlidingWindow(50, 15 * MINUTE);
  private readonly perEmail = new SlidingWindow(20, 15 * MINUTE);
  private readonly signUps: SlidingWindow;
  /** Addresses each email signed in from (a few, newest last). */
  private readonly knownAddresses = new Map<string, string[]>();

  constructor(options: AuthLimitOptions = {}) {
    this.signUps = new SlidingWindow(options.signUpsPerAddressPerHour ?? 10, 60 * MINUTE);
  }

  /** Reserves a sign-in attempt, or throws RATE_LIMITED. */
  beginSignIn(email: string, address: string, now = Date.now()): SignInAttempt {
    const pair = `${email}\u0000${address}`;
    if (this.perPair.count(pair, now) >= this.perPair.limit)
      throw rateLimited('Too many sign-in attempts for this email', this.perPair.retryAfter(pair, now));
    if (this.perAddress.count(address, now) >= this.perAddress.limit)
      throw rateLimited(
        'Too many failed sign-ins from your network',
        this.perAddress.retryAfter(address, now),
      );
    const known = this.knownAddresses.get(email)?.includes(address) ?? false;
    if (!known && this.perEmail.count(email, now) >= this.perEmail.limit)
      throw rateLimited(
        'Too many failed sign-ins for this email',
        this.perEmail.retryAfter(email, now),
        ' (a network you signed in from before is not held up)',
      );
    this.perPair.add(pair, now);
    this.perAddress.add(address, now);
    this.perEmail.add(email, now);
    return {
      succeeded: () => {
        this.perPair.clear(pair);
        this.perAddress.remove(address, now);
        this.perEmail.remove(email, now);
        this.remember(email, address);
      },
    };
  }

  /** Reserves an account creation for the address, or throws RATE_LIMITED. */
  beginSignUp(address: string, now = Date.now()): void {
    if (this.signUps.count(address, now) >= this.signUps.limit)
      throw rateLimited('Too many sign-ups from your network', this.signUps.retryAfter(address, now));
    this.signUps.add(address, now);
  }

  private remember(email: string, address: string) {
    const addresses = (this.knownAddresses.get(email) ?? []).filter((known) => known !== address);
    addresses.push(address);
    this.knownAddresses.delete(email);
    this.knownAddresses.set(email, addresses.slice(-10));
    if (this.knownAddresses.size > 100_000)
      this.knownAddresses.delete(this.knownAddresses.keys().next().value!);
  }
}

function rateLimited(what: string, retryAfterMs: number, note = ''): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return new AppError(
    'RATE_LIMITED',
    `${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}${note}`,
    {
      retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    },
  );
}
