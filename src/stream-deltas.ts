/**
 * Text streamed by subscription (answers, study guides): every published event carries the whole text so
 * far, and each subscriber's delta is what that subscriber has not seen yet, so a gap, a late start or a
 * reconnect can never corrupt what a client shows.
 */

export interface TextStreamEvent {
  content: string;
  /** Text added since the previous event this subscriber saw (filled in per subscriber). */
  delta: string;
  done: boolean;
  /** True when the text was rewritten from the start: render `content`, not deltas. */
  reset?: boolean;
  /** Set per subscriber on its first and last event: only those carry the stored record. */
  withRecord?: boolean;
}

/** A subscriber's view of a text stream, for `liveSubscription`'s `select`: one per subscriber. */
export function deltasPerSubscriber<E extends TextStreamEvent>() {
  let seen = '';
  let first = true;
  return (event: E): E | undefined => {
    // An event older than the snapshot (published between listening and reading it) adds nothing.
    if (!event.reset && !event.done && seen.startsWith(event.content)) return undefined;
    const continues = !event.reset && event.content.startsWith(seen);
    const delta = continues ? event.content.slice(seen.length) : event.content;
    if (!delta && !event.done && continues) return undefined;
    seen = event.content;
    const view = { ...event, delta, reset: !continues, withRecord: first || event.done };
    first = false;
    return view;
  };
}

/** Text waiting this long (in UTF-16 units) is published without waiting for the window to end. */
export const COALESCE_MAX_CHARS = 2048;

/**
 * Coalesces a text stream's publishes, so a burst of provider tokens costs one pub/sub event (and one
 * execution and one frame per subscriber) instead of one per token. A change after a quiet `windowMs` is
 * published at once, so the first token is never delayed; the changes that follow within the window
 * ride on one publish at its end, or sooner once `maxChars` are waiting. Every event carries the whole
 * text, so coalescing loses and reorders nothing. `windowMs` 0 publishes every change.
 */
export class StreamCoalescer {
  private readonly publish: () => void;
  private readonly windowMs: number;
  private readonly maxChars: number;
  private lastPublish = Number.NEGATIVE_INFINITY;
  private waiting = false;
  private waitingChars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(publish: () => void, windowMs: number, maxChars = COALESCE_MAX_CHARS) {
    this.publish = publish;
    this.windowMs = windowMs;
    this.maxChars = maxChars;
  }

  /** `chars` were added to the text; `urgent` publishes at once (the first change of a rewritten text). */
  add(chars: number, urgent = false): void {
    this.waiting = true;
    this.waitingChars += chars;
    const since = performance.now() - this.lastPublish;
    if (urgent || since >= this.windowMs || this.waitingChars >= this.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.windowMs - since);
  }

  /** Publishes what is waiting now (before a step that changes the text wholesale). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.waiting) return;
    this.waiting = false;
    this.waitingChars = 0;
    this.lastPublish = performance.now();
    this.publish();
  }

  /** Drops what is waiting: the final event, which carries the whole text, follows. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = false;
    this.waitingChars = 0;
  }
}
