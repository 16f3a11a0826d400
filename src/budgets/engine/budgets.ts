/**
 * Budgets and quotas of a room (docs/school.md): what each one counts, over whom and over which period,
 * and which one a request would exceed. Pure: the counts come from usage-service.ts.
 *
 * Periods are UTC calendar days and months, the same for every member wherever they are, so an owner reads
 * one reset time and the metrics add up across rooms.
 */

export type Resource = 'llmTokens' | 'uploadBytes' | 'uploads';
export type Period = 'day' | 'month';

interface BudgetSpec {
  /** The environment variable holding the default (unset: no limit). */
  env: string;
  resource: Resource;
  /** A member's own usage in the room, or everyone's together. */
  over: 'member' | 'room';
  period: Period;
  description: string;
}

export const BUDGETS = {
  llmTokensPerMemberPerDay: {
    env: 'LLM_TOKENS_PER_MEMBER_PER_DAY',
    resource: 'llmTokens',
    over: 'member',
    period: 'day',
    description: 'LLM tokens (prompt and completion) one member may spend in the room per UTC day',
  },
  llmTokensPerMemberPerMonth: {
    env: 'LLM_TOKENS_PER_MEMBER_PER_MONTH',
    resource: 'llmTokens',
    over: 'member',
    period: 'month',
    description: 'LLM tokens one member may spend in the room per UTC calendar month',
  },
  llmTokensPerRoomPerDay: {
    env: 'LLM_TOKENS_PER_ROOM_PER_DAY',
    resource: 'llmTokens',
    over: 'room',
    period: 'day',
    description: 'LLM tokens all members together may spend in the room per UTC day',
  },
  llmTokensPerRoomPerMonth: {
    env: 'LLM_TOKENS_PER_ROOM_PER_MONTH',
    resource: 'llmTokens',
    over: 'room',
    period: 'month',
    description: 'LLM tokens all members together may spend in the room per UTC calendar month',
  },
  uploadBytesPerMemberPerDay: {
    env: 'UPLOAD_BYTES_PER_MEMBER_PER_DAY',
    resource: 'uploadBytes',
    over: 'member',
    period: 'day',
    description: 'Bytes one member may upload to the room per UTC day (uploads and replacements)',
  },
  uploadsPerMemberPerDay: {
    env: 'UPLOADS_PER_MEMBER_PER_DAY',
    resource: 'uploads',
    over: 'member',
    period: 'day',
    description: 'Files one member may upload to the room per UTC day (uploads and replacements)',
  },
  uploadBytesPerRoomPerDay: {
    env: 'UPLOAD_BYTES_PER_ROOM_PER_DAY',
    resource: 'uploadBytes',
    over: 'room',
    period: 'day',
    description: 'Bytes all members together may upload to the room per UTC day',
  },
  uploadsPerRoomPerDay: {
    env: 'UPLOADS_PER_ROOM_PER_DAY',
    resource: 'uploads',
    over: 'room',
    period: 'day',
    description: 'Files all members together may upload to the room per UTC day',
  },
} as const satisfies Record<string, BudgetSpec>;

export type BudgetName = keyof typeof BUDGETS;
export const BUDGET_NAMES = Object.keys(BUDGETS) as BudgetName[];

/** A room's own values, where its owner set one; the others follow the environment. */
export type RoomBudgets = Partial<Record<BudgetName, number>>;
/** The limit in force for each budget; null: none. */
export type Limits = Record<BudgetName, number | null>;

export interface Counts {
  llmTokens: number;
  uploadBytes: number;
  uploads: number;
}
/** What a member and their room have used in the current day and month. */
export interface Usage {
  member: Record<Period, Counts>;
  room: Record<Period, Counts>;
}

export const ZERO: Counts = { llmTokens: 0, uploadBytes: 0, uploads: 0 };

/** The room's values over the defaults. */
export function effectiveLimits(defaults: Limits, room: RoomBudgets | null | undefined): Limits {
  const limits = { ...defaults };
  for (const name of BUDGET_NAMES) {
    const value = room?.[name];
    if (value != null) limits[name] = value;
  }
  return limits;
}

/**
 * The room's values after an owner's change: a number sets a budget, null returns it to the environment's
 * default, undefined leaves it as it was. Null when none is left of the room's own.
 */
export function withBudgets(
  current: RoomBudgets | null | undefined,
  change: Partial<Record<BudgetName, number | null | undefined>>,
): RoomBudgets | null {
  const next: RoomBudgets = { ...current };
  for (const name of BUDGET_NAMES) {
    const value = change[name];
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return Object.keys(next).length ? next : null;
}

/** 00:00 UTC of the day, or of the first of the month, that `now` is in. */
export function periodStart(now: Date, period: Period): Date {
  return period === 'day'
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** When the period that `now` is in ends and its counts start again from zero. */
export function periodEnd(now: Date, period: Period): Date {
  return period === 'day'
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** What a request is about to spend: LLM work, or an upload of so many bytes. */
export type Spending = { kind: 'llm' } | { kind: 'upload'; bytes: number };

export interface Exceeded {
  budget: BudgetName;
  limit: number;
  usage: number;
  resetAt: Date;
}

/**
 * The first budget the request would exceed, or null. LLM work is refused once the usage has reached the
 * limit (its cost is known only afterwards: work that starts under the limit finishes); an upload is
 * refused when it would take the usage past the limit.
 */
export function exceededBudget(limits: Limits, usage: Usage, spending: Spending, now: Date): Exceeded | null {
  for (const name of BUDGET_NAMES) {
    const spec = BUDGETS[name];
    const limit = limits[name];
    if (limit == null) continue;
    const used = usage[spec.over][spec.period][spec.resource];
    const over =
      spending.kind === 'llm'
        ? spec.resource === 'llmTokens' && used >= limit
        : spec.resource === 'uploadBytes'
          ? used + spending.bytes > limit
          : spec.resource === 'uploads' && used + 1 > limit;
    if (over) return { budget: name, limit, usage: used, resetAt: periodEnd(now, spec.period) };
  }
  return null;
}

/** The sentence a refused member reads. */
export function describeExceeded(exceeded: Exceeded, spending: Spending): string {
  const spec = BUDGETS[exceeded.budget];
  const whose = spec.over === 'member' ? 'you have' : 'this room has';
  const period = spec.period === 'day' ? 'today' : 'this month';
  const unit = { llmTokens: 'LLM tokens', uploadBytes: 'bytes of uploads', uploads: 'uploads' }[
    spec.resource
  ];
  const file =
    spending.kind === 'upload' && spec.resource === 'uploadBytes' ? ` (this file: ${spending.bytes})` : '';
  return (
    `Over the room's budget ${exceeded.budget}: ${whose} used ${exceeded.usage} of ${exceeded.limit} ` +
    `${unit} ${period}${file}; it resets at ${exceeded.resetAt.toISOString()}`
  );
}
