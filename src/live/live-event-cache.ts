import type { EntityManager } from '@mikro-orm/postgresql';
import { LiveQuizSession } from '../entities/live.ts';
import type { LiveQuizEvent } from '../events.ts';
import { buildLiveEvent } from './live-event.ts';

const MAX_SESSIONS = 1000;

/**
 * The latest event of each session, per process, keyed by the session's `seq` (bumped on every change),
 * and the coalescing of frequent refreshes (answer counts).
 * A thousand players connecting or reconnecting at once cost one build and a thousand primary-key reads,
 * not a thousand builds.
 */
export class LiveEventCache {
  /** The newest event per session, in order of last change (the first is the stalest). */
  private readonly events = new Map<string, { seq: number; event: Promise<LiveQuizEvent> }>();
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

  /** Keeps `event` as its session's latest, replacing the one before (an older one arriving late is dropped). */
  remember(event: LiveQuizEvent): void {
    this.keep(event.sessionId, event.seq, Promise.resolve(event));
  }

  /** Sessions held (one event each). */
  get size(): number {
    return this.events.size;
  }

  /** The seq of the event held for a session (-1 when none). */
  latestSeq(sessionId: string): number {
    return this.events.get(sessionId)?.seq ?? -1;
  }

  /** The current event of a session, built at most once per change; null when it does not exist. */
  async current(requestEm: EntityManager, sessionId: string): Promise<LiveQuizEvent | null> {
    // The event outlives the request that built it: its reads stay out of that request's identity map.
    const em = requestEm.fork();
    const session = await em.findOne(LiveQuizSession, sessionId, { disableIdentityMap: true });
    if (!session) return null;
    const held = this.events.get(session.id);
    if (held && held.seq >= session.seq) return held.event;
    const event = buildLiveEvent(em, session);
    this.keep(session.id, session.seq, event);
    event.catch(() => {
      if (this.events.get(session.id)?.event === event) this.events.delete(session.id);
    });
    return event;
  }

  private keep(sessionId: string, seq: number, event: Promise<LiveQuizEvent>) {
    if (this.latestSeq(sessionId) > seq) return;
    this.events.delete(sessionId); // re-inserted last: the map stays in order of last change
    this.events.set(sessionId, { seq, event });
    if (this.events.size > MAX_SESSIONS) this.events.delete(this.events.keys().next().value!);
  }
}
