import type { EntityManager } from '@mikro-orm/postgresql';
import { LiveQuizSession } from '../entities/live.ts';
import type { LiveQuizEvent } from '../events.ts';
import { buildLiveEvent } from './live-event.ts';

/**
 * The latest event of each session, per process, keyed by the session's `seq` (bumped on every change),
 * and the coalescing of frequent refreshes (answer counts).
 * A thousand players connecting or reconnecting at once cost one build and a thousand primary-key reads,
 * not a thousand builds.
 */
export class LiveEventCache {
  private readonly events = new Map<string, Promise<LiveQuizEvent>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  /** Runs `refresh` once after `delayMs`, however many times it is asked for meanwhile. */
  coalesce(sessionId: string, delayMs: number, refresh: () => Promise<void>): void {
    if (this.pending.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(sessionId);
      void refresh();
    }, delayMs);
    this.pending.set(sessionId, timer.unref());
  }

  remember(event: LiveQuizEvent): void {
    this.events.set(this.key(event.sessionId, event.seq), Promise.resolve(event));
  }

  /** The current event of a session, built at most once per change; null when it does not exist. */
  async current(requestEm: EntityManager, sessionId: string): Promise<LiveQuizEvent | null> {
    // The event outlives the request that built it: its reads stay out of that request's identity map.
    const em = requestEm.fork();
    const session = await em.findOne(LiveQuizSession, sessionId, { disableIdentityMap: true });
    if (!session) return null;
    const key = this.key(session.id, session.seq);
    let event = this.events.get(key);
    if (!event) {
      event = buildLiveEvent(em, session);
      this.events.set(key, event);
      event.catch(() => this.events.delete(key));
    }
    this.prune(session.id, session.seq);
    return event;
  }

  private key(sessionId: string, seq: number) {
    return `${sessionId}:${seq}`;
  }

  /** Keeps only the newest event per session, and a bounded number of sessions. */
  private prune(sessionId: string, seq: number) {
    for (const key of this.events.keys()) {
      const [id, s] = key.split(':');
      if (id === sessionId && Number(s) < seq) this.events.delete(key);
    }
    while (this.events.size > 1000) this.events.delete(this.events.keys().next().value!);
  }
}
