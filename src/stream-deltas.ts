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
