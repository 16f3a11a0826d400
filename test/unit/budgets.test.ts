import { describe, expect, it } from 'vitest';
import {
  BUDGET_NAMES,
  describeExceeded,
  effectiveLimits,
  exceededBudget,
  type Limits,
  periodEnd,
  periodStart,
  type Usage,
  withBudgets,
  ZERO,
} from '../../src/budgets/engine/budgets.ts';

const none = Object.fromEntries(BUDGET_NAMES.map((name) => [name, null])) as Limits;
const usage = (member: Partial<typeof ZERO>, room: Partial<typeof ZERO> = member): Usage => ({
  member: { day: { ...ZERO, ...member }, month: { ...ZERO, ...member } },
  room: { day: { ...ZERO, ...room }, month: { ...ZERO, ...room } },
});
const now = new Date('2026-12-31T22:15:00Z');

describe('budget periods', () => {
  it('are UTC days and calendar months, across the year end', () => {
    expect(periodStart(now, 'day').toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(periodEnd(now, 'day').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(periodStart(now, 'month').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(periodEnd(now, 'month').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(periodEnd(new Date('2028-02-10T00:00:00Z'), 'month').toISOString()).toBe(
      '2028-03-01T00:00:00.000Z',
    );
  });
});

describe('room budgets over the defaults', () => {
  it('take the room value where set, null returning a budget to the default', () => {
    const defaults = { ...none, llmTokensPerMemberPerDay: 1000, uploadsPerMemberPerDay: 5 };
    const room = withBudgets(null, { llmTokensPerMemberPerDay: 0, uploadBytesPerRoomPerDay: 10 });
    expect(effectiveLimits(defaults, room)).toMatchObject({
      llmTokensPerMemberPerDay: 0,
      uploadsPerMemberPerDay: 5,
      uploadBytesPerRoomPerDay: 10,
      llmTokensPerRoomPerMonth: null,
    });
    const back = withBudgets(room, { llmTokensPerMemberPerDay: null, uploadsPerMemberPerDay: undefined });
    expect(back).toEqual({ uploadBytesPerRoomPerDay: 10 });
    expect(withBudgets(back, { uploadBytesPerRoomPerDay: null })).toBeNull();
  });
});

describe('exceededBudget', () => {
  it('refuses LLM work once a token limit is reached, not before', () => {
    const limits = { ...none, llmTokensPerMemberPerDay: 100 };
    expect(exceededBudget(limits, usage({ llmTokens: 99 }), { kind: 'llm' }, now)).toBeNull();
    expect(exceededBudget(limits, usage({ llmTokens: 100 }), { kind: 'llm' }, now)).toEqual({
      budget: 'llmTokensPerMemberPerDay',
      limit: 100,
      usage: 100,
      resetAt: new Date('2027-01-01T00:00:00Z'),
    });
    // Upload budgets never refuse LLM work.
    expect(
      exceededBudget({ ...none, uploadsPerMemberPerDay: 0 }, usage({}), { kind: 'llm' }, now),
    ).toBeNull();
  });

  it('counts the room budgets over everyone and the member budgets over the member alone', () => {
    const limits = { ...none, llmTokensPerRoomPerMonth: 500, llmTokensPerMemberPerDay: 400 };
    const busyRoom = usage({ llmTokens: 10 }, { llmTokens: 500 });
    expect(exceededBudget(limits, busyRoom, { kind: 'llm' }, now)?.budget).toBe('llmTokensPerRoomPerMonth');
    expect(exceededBudget(limits, busyRoom, { kind: 'llm' }, now)?.resetAt.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(
      exceededBudget(limits, usage({ llmTokens: 10 }, { llmTokens: 499 }), { kind: 'llm' }, now),
    ).toBeNull();
  });

  it('refuses an upload that would pass a byte or file limit', () => {
    const limits = { ...none, uploadBytesPerMemberPerDay: 1000, uploadsPerRoomPerDay: 3 };
    const used = usage({ uploadBytes: 600, uploads: 1 }, { uploadBytes: 600, uploads: 2 });
    expect(exceededBudget(limits, used, { kind: 'upload', bytes: 400 }, now)).toBeNull();
    const big = exceededBudget(limits, used, { kind: 'upload', bytes: 401 }, now)!;
    expect(big).toMatchObject({ budget: 'uploadBytesPerMemberPerDay', usage: 600, limit: 1000 });
    expect(describeExceeded(big, { kind: 'upload', bytes: 401 })).toBe(
      "Over the room's budget uploadBytesPerMemberPerDay: you have used 600 of 1000 bytes of uploads today " +
        '(this file: 401); it resets at 2027-01-01T00:00:00.000Z',
    );
    const third = usage({ uploads: 1 }, { uploads: 3 });
    expect(exceededBudget(limits, third, { kind: 'upload', bytes: 1 }, now)?.budget).toBe(
      'uploadsPerRoomPerDay',
    );
  });
});
