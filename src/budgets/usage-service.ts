/**
 * Counting what members spend and refusing what a budget does not allow (docs/school.md). Counters are
 * rows of `usage_day` incremented atomically, so concurrent answers on several API processes add up.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { Room } from '../entities/room.ts';
import { rateLimited } from '../errors.ts';
import type { LlmUsageSink } from '../llm/llm-meter.ts';
import type { Metrics } from '../metrics.ts';
import {
  type Counts,
  describeExceeded,
  effectiveLimits,
  exceededBudget,
  type Limits,
  periodEnd,
  periodStart,
  type Spending,
  type Usage,
  ZERO,
} from './engine/budgets.ts';

/** Something that runs SQL: an em's connection, or the ORM's. */
type Sql = ReturnType<EntityManager['getConnection']>;

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Adds to a member's counters of the UTC day `at` is in. */
export async function recordUsage(
  sql: Sql,
  entry: { roomId: string; userId: string; at: Date } & Partial<Counts>,
): Promise<void> {
  await sql.execute(
    `insert into usage_day (room_id, user_id, day, llm_tokens, upload_bytes, uploads) values (?, ?, ?, ?, ?, ?)
     on conflict (room_id, user_id, day) do update set llm_tokens = usage_day.llm_tokens + excluded.llm_tokens,
       upload_bytes = usage_day.upload_bytes + excluded.upload_bytes, uploads = usage_day.uploads + excluded.uploads`,
    [
      entry.roomId,
      entry.userId,
      day(entry.at),
      entry.llmTokens ?? 0,
      entry.uploadBytes ?? 0,
      entry.uploads ?? 0,
    ],
  );
}

interface SumsRow {
  member_day_tokens: string;
  member_month_tokens: string;
  room_day_tokens: string;
  room_month_tokens: string;
  member_day_bytes: string;
  member_day_uploads: string;
  room_day_bytes: string;
  room_day_uploads: string;
}

/** A member's and their room's usage in the current day and month, in one statement. */
export async function usageOf(sql: Sql, roomId: string, userId: string, now: Date): Promise<Usage> {
  const today = day(now);
  const [row] = await sql.execute<SumsRow[]>(
    `select
       coalesce(sum(llm_tokens) filter (where user_id = ? and day = ?), 0) as member_day_tokens,
       coalesce(sum(llm_tokens) filter (where user_id = ?), 0) as member_month_tokens,
       coalesce(sum(llm_tokens) filter (where day = ?), 0) as room_day_tokens,
       coalesce(sum(llm_tokens), 0) as room_month_tokens,
       coalesce(sum(upload_bytes) filter (where user_id = ? and day = ?), 0) as member_day_bytes,
       coalesce(sum(uploads) filter (where user_id = ? and day = ?), 0) as member_day_uploads,
       coalesce(sum(upload_bytes) filter (where day = ?), 0) as room_day_bytes,
       coalesce(sum(uploads) filter (where day = ?), 0) as room_day_uploads
     from usage_day where room_id = ? and day >= ?`,
    [
      userId,
      today,
      userId,
      today,
      userId,
      today,
      userId,
      today,
      today,
      today,
      roomId,
      day(periodStart(now, 'month')),
    ],
  );
  const n = (value: string | undefined) => Number(value ?? 0);
  return {
    member: {
      day: {
        llmTokens: n(row?.member_day_tokens),
        uploadBytes: n(row?.member_day_bytes),
        uploads: n(row?.member_day_uploads),
      },
      // Upload budgets are per day only: their month sums are never compared.
      month: { ...ZERO, llmTokens: n(row?.member_month_tokens) },
    },
    room: {
      day: {
        llmTokens: n(row?.room_day_tokens),
        uploadBytes: n(row?.room_day_bytes),
        uploads: n(row?.room_day_uploads),
      },
      month: { ...ZERO, llmTokens: n(row?.room_month_tokens) },
    },
  };
}

/** The limits in force in a room: its owner's values over the environment's. */
export async function roomLimits(em: EntityManager, config: Pick<Config, 'budgetDefaults'>, roomId: string) {
  const room = await em.findOneOrFail(Room, roomId, { fields: ['budgets'], disableIdentityMap: true });
  return effectiveLimits(config.budgetDefaults, room.budgets);
}

export interface BudgetServices {
  config: Pick<Config, 'budgetDefaults'>;
  metrics: Pick<Metrics, 'budgetRefusals' | 'uploads' | 'uploadBytes'>;
  clock: Clock;
}

interface BudgetRequest {
  roomId: string;
  userId: string;
  spending: Spending;
}

/** The budget the request would exceed (counted in the metrics), or null. */
async function refusal(em: EntityManager, services: BudgetServices, request: BudgetRequest, now: Date) {
  const limits: Limits = await roomLimits(em, services.config, request.roomId);
  if (Object.values(limits).every((limit) => limit == null)) return null;
  const usage = await usageOf(em.getConnection(), request.roomId, request.userId, now);
  const exceeded = exceededBudget(limits, usage, request.spending, now);
  if (exceeded) services.metrics.budgetRefusals.inc({ budget: exceeded.budget });
  return exceeded;
}

/**
 * Refuses, before any work starts, a request that a budget of the room does not allow: RATE_LIMITED with
 * the budget, its limit, the usage and when it resets in `extensions`.
 */
export async function assertWithinBudget(
  em: EntityManager,
  services: BudgetServices,
  request: BudgetRequest,
): Promise<void> {
  const now = services.clock.now();
  const exceeded = await refusal(em, services, request, now);
  if (!exceeded) return;
  throw rateLimited(
    describeExceeded(exceeded, request.spending),
    exceeded.resetAt.getTime() - now.getTime(),
    {
      budget: exceeded.budget,
      limit: exceeded.limit,
      usage: exceeded.usage,
      resetAt: exceeded.resetAt.toISOString(),
    },
  );
}

/** For LLM work with a free fallback (short-answer grading): whether the budgets still allow it. */
export async function llmBudgetAllows(
  em: EntityManager,
  services: BudgetServices,
  request: { roomId: string; userId: string },
): Promise<boolean> {
  return !(await refusal(em, services, { ...request, spending: { kind: 'llm' } }, services.clock.now()));
}

/** Counts a stored file against the uploader's upload budgets (and in the metrics). */
export async function recordUpload(
  em: EntityManager,
  services: BudgetServices,
  upload: { roomId: string; userId: string; bytes: number },
): Promise<void> {
  services.metrics.uploads.inc();
  services.metrics.uploadBytes.inc(upload.bytes);
  await recordUsage(em.getConnection(), {
    roomId: upload.roomId,
    userId: upload.userId,
    at: services.clock.now(),
    uploads: 1,
    uploadBytes: upload.bytes,
  });
}

export interface MemberUsageRow {
  userId: string;
  day: Counts;
  month: Counts;
}

export interface RoomUsageReport {
  day: Counts;
  month: Counts;
  members: MemberUsageRow[];
  dayResetsAt: Date;
  monthResetsAt: Date;
}

/** The room's usage this day and month, in all and per active member (those without any at zero). */
export async function roomUsage(em: EntityManager, roomId: string, now: Date): Promise<RoomUsageReport> {
  const today = day(now);
  const rows = await em.getConnection().execute<
    {
      user_id: string | null;
      day_tokens: string;
      month_tokens: string;
      day_bytes: string;
      month_bytes: string;
      day_uploads: string;
      month_uploads: string;
    }[]
  >(
    `select coalesce(m.user_id, u.user_id) as user_id,
       coalesce(sum(u.llm_tokens) filter (where u.day = ?), 0) as day_tokens,
       coalesce(sum(u.llm_tokens), 0) as month_tokens,
       coalesce(sum(u.upload_bytes) filter (where u.day = ?), 0) as day_bytes,
       coalesce(sum(u.upload_bytes), 0) as month_bytes,
       coalesce(sum(u.uploads) filter (where u.day = ?), 0) as day_uploads,
       coalesce(sum(u.uploads), 0) as month_uploads,
       bool_or(m.user_id is not null) as member
     from (select * from usage_day where room_id = ? and day >= ?) u
       full join (select user_id from room_member where room_id = ? and status = 'ACTIVE') m on m.user_id = u.user_id
     group by coalesce(m.user_id, u.user_id)`,
    [today, today, today, roomId, day(periodStart(now, 'month')), roomId],
  );
  const counts = (tokens: string, bytes: string, uploads: string): Counts => ({
    llmTokens: Number(tokens),
    uploadBytes: Number(bytes),
    uploads: Number(uploads),
  });
  const total = { day: { ...ZERO }, month: { ...ZERO } };
  const members: MemberUsageRow[] = [];
  for (const row of rows as ((typeof rows)[number] & { member: boolean })[]) {
    const dayCounts = counts(row.day_tokens, row.day_bytes, row.day_uploads);
    const monthCounts = counts(row.month_tokens, row.month_bytes, row.month_uploads);
    for (const key of Object.keys(ZERO) as (keyof Counts)[]) {
      total.day[key] += dayCounts[key];
      total.month[key] += monthCounts[key];
    }
    // Someone who left the room still counts towards its total, but is no member to list.
    if (row.member && row.user_id) members.push({ userId: row.user_id, day: dayCounts, month: monthCounts });
  }
  members.sort((a, b) => b.month.llmTokens - a.month.llmTokens || a.userId.localeCompare(b.userId));
  return {
    ...total,
    members,
    dayResetsAt: periodEnd(now, 'day'),
    monthResetsAt: periodEnd(now, 'month'),
  };
}

/**
 * Where the LLM meter's counts go: the metrics always, and the member's counters when the work was named
 * (a completion made outside any scope is counted as `unattributed`). A failed write is logged, never the
 * caller's failure: the answer it belongs to is worth more than its count.
 */
export function llmUsageRecorder(deps: {
  sql: () => Sql;
  metrics: Pick<Metrics, 'llmTokens'>;
  now: () => Date;
  onError: (error: unknown) => void;
}): LlmUsageSink {
  return async (scope, usage) => {
    const labels = {
      purpose: scope?.purpose ?? 'unattributed',
      source: usage.estimated ? 'estimate' : 'provider',
    };
    deps.metrics.llmTokens.inc({ ...labels, direction: 'in' }, usage.promptTokens);
    deps.metrics.llmTokens.inc({ ...labels, direction: 'out' }, usage.completionTokens);
    if (!scope) return;
    await recordUsage(deps.sql(), {
      roomId: scope.roomId,
      userId: scope.userId,
      at: deps.now(),
      llmTokens: usage.promptTokens + usage.completionTokens,
    }).catch(deps.onError);
  };
}
