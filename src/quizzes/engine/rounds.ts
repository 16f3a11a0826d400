/**
 * The verification rounds loop shared by quiz questions and flashcards: draft, check every draft, keep what
 * passes, regenerate the rejected slots for a bounded number of rounds, and count what happened. Each
 * domain passes its own drafter, verifier (including its near-duplicate check) and shortfall wording.
 * Pure: no ORM, no I/O beyond the callbacks.
 */

/** What the loop counts; a domain's stats type is this with its own rejection reasons. */
export interface RoundsStats<Reason extends string> {
  requested: number;
  drafted: number;
  verified: number;
  rejected: number;
  rejectionsByReason: Record<Reason, number>;
  /** Rejections per round, index 0 = round 1. */
  rejectionsByRound: number[];
  rounds: number;
  drafter: string;
  /** Why fewer items than requested were released. */
  note?: string;
}

export interface RoundsOptions<Draft, Item, Rejected extends { reason: Reason }, Reason extends string> {
  count: number;
  drafterName: string;
  reasons: readonly Reason[];
  /** Drafts for one round; `released` are the items kept so far. */
  draft: (ask: { count: number; round: number; released: Item[] }) => Promise<Draft[]>;
  /** The verified item, or why the draft is rejected (duplicates of `released` included). */
  verify: (draft: Draft) => Promise<Item | Rejected>;
  /** Called once per released item (e.g. to add it to a duplicate index). */
  onRelease?: (item: Item) => void;
  /** The stats note when fewer than `count` came out; `shortOfMaterial`: a round drafted fewer than needed. */
  shortfallNote: (stats: RoundsStats<Reason>, made: number, shortOfMaterial: boolean) => string;
  /** Rounds in all, the first included. */
  maxRounds?: number;
  /** Extra drafts asked for in round 1, as a share of `count` (rejections are expected). */
  overdraft?: number;
  onProgress?: (stats: RoundsStats<Reason>) => void | Promise<void>;
  signal?: AbortSignal;
}

export async function generateVerified<
  Draft,
  Item,
  Rejected extends { reason: Reason },
  Reason extends string,
>(
  options: RoundsOptions<Draft, Item, Rejected, Reason>,
): Promise<{ items: Item[]; stats: RoundsStats<Reason>; rejections: Rejected[] }> {
  const { count, signal } = options;
  const maxRounds = Math.max(1, options.maxRounds ?? 3);
  const stats: RoundsStats<Reason> = {
    requested: count,
    drafted: 0,
    verified: 0,
    rejected: 0,
    rejectionsByReason: Object.fromEntries(options.reasons.map((r) => [r, 0])) as Record<Reason, number>,
    rejectionsByRound: [],
    rounds: 0,
    drafter: options.drafterName,
  };
  const items: Item[] = [];
  const rejections: Rejected[] = [];
  let shortOfMaterial = false;

  for (let round = 1; round <= maxRounds && items.length < count; round++) {
    signal?.throwIfAborted();
    const need = count - items.length;
    const ask = round === 1 ? Math.ceil(need * (1 + (options.overdraft ?? 0.25))) : need + 1;
    const drafts = await options.draft({ count: ask, round, released: items });
    stats.rounds = round;
    stats.drafted += drafts.length;
    stats.rejectionsByRound.push(0);
    if (drafts.length < need) shortOfMaterial = true;
    for (const draft of drafts) {
      if (items.length >= count) break;
      const verdict = await options.verify(draft);
      if (isRejected<Item, Rejected>(verdict)) {
        rejections.push(verdict);
        stats.rejected++;
        stats.rejectionsByReason[verdict.reason]++;
        stats.rejectionsByRound[round - 1]!++;
        continue;
      }
      options.onRelease?.(verdict);
      items.push(verdict);
      stats.verified = items.length;
    }
    await options.onProgress?.({ ...stats, rejectionsByRound: [...stats.rejectionsByRound] });
    if (drafts.length === 0) break;
  }
  if (items.length < count) stats.note = options.shortfallNote(stats, items.length, shortOfMaterial);
  return { items, stats, rejections };
}

function isRejected<Item, Rejected extends { reason: string }>(v: Item | Rejected): v is Rejected {
  return typeof v === 'object' && v !== null && 'reason' in v;
}
