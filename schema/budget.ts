/** Budgets and usage of a room (docs/school.md): its settings' limits and `Room.usage` for owners. */
import {
  BUDGET_NAMES,
  BUDGETS,
  type BudgetName,
  type Counts,
  effectiveLimits,
} from '../src/budgets/engine/budgets.ts';
import { type MemberUsageRow, type RoomUsageReport, roomUsage } from '../src/budgets/usage-service.ts';
import { builder } from './builder.ts';
import { RoomRef, RoomSettingsRef } from './room.ts';
import { UserRef } from './user.ts';

export const BudgetNameEnum = builder.enumType('BudgetName', {
  values: Object.fromEntries(BUDGET_NAMES.map((name) => [name, { description: BUDGETS[name].description }])),
});

interface BudgetView {
  name: BudgetName;
  limit: number | null;
  fromEnvironment: boolean;
}

const BudgetRef = builder.objectRef<BudgetView>('Budget').implement({
  description: 'One budget of a room and the limit in force',
  fields: (t) => ({
    name: t.field({ type: BudgetNameEnum, resolve: (budget) => budget.name }),
    limit: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'Null: no limit',
      resolve: (budget) => budget.limit,
    }),
    fromEnvironment: t.exposeBoolean('fromEnvironment', {
      description: "True when the room has no value of its own and the server's default applies",
    }),
    period: t.string({
      description: '`day` or `month` (UTC)',
      resolve: (budget) => BUDGETS[budget.name].period,
    }),
    over: t.string({
      description: '`member`: each member counted alone; `room`: all members together',
      resolve: (budget) => BUDGETS[budget.name].over,
    }),
  }),
});

// The settings' limit fields: the room's own value, or the environment's default (null: no limit).
builder.objectFields(RoomSettingsRef, (t) => ({
  ...Object.fromEntries(
    BUDGET_NAMES.map((name) => [
      name,
      t.field({
        type: 'SafeInt',
        nullable: true,
        description: `${BUDGETS[name].description}; null: no limit`,
        resolve: (room, _args, context) =>
          effectiveLimits(context.services.config.budgetDefaults, room.budgets)[name],
      }),
    ]),
  ),
  budgets: t.field({
    type: [BudgetRef],
    description: 'Every budget with its limit and where the limit comes from',
    resolve: (room, _args, context) => {
      const limits = effectiveLimits(context.services.config.budgetDefaults, room.budgets);
      return BUDGET_NAMES.map((name) => ({
        name,
        limit: limits[name],
        fromEnvironment: room.budgets?.[name] == null,
      }));
    },
  }),
}));

const UsageCountsRef = builder.objectRef<Counts>('UsageCounts').implement({
  fields: (t) => ({
    llmTokens: t.field({
      type: 'SafeInt',
      description:
        'Prompt and completion tokens (as the provider reported them, or counted with the tokenizer)',
      resolve: (counts) => counts.llmTokens,
    }),
    uploadBytes: t.field({ type: 'SafeInt', resolve: (counts) => counts.uploadBytes }),
    uploads: t.exposeInt('uploads', { description: 'Files stored (uploads and replacements)' }),
  }),
});

const MemberUsageRef = builder.objectRef<MemberUsageRow>('MemberUsage').implement({
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      resolve: async (row, _args, context) => (await context.loaders.userById.load(row.userId))!,
    }),
    day: t.field({ type: UsageCountsRef, resolve: (row) => row.day }),
    month: t.field({ type: UsageCountsRef, resolve: (row) => row.month }),
  }),
});

const RoomUsageRef = builder.objectRef<RoomUsageReport>('RoomUsage').implement({
  description: "What the room's members spent this UTC day and calendar month",
  fields: (t) => ({
    day: t.field({ type: UsageCountsRef, resolve: (usage) => usage.day }),
    month: t.field({ type: UsageCountsRef, resolve: (usage) => usage.month }),
    dayResetsAt: t.field({ type: 'DateTime', resolve: (usage) => usage.dayResetsAt }),
    monthResetsAt: t.field({ type: 'DateTime', resolve: (usage) => usage.monthResetsAt }),
    members: t.field({
      type: [MemberUsageRef],
      description: 'Active members, the biggest spender this month first (those who spent nothing at zero)',
      resolve: (usage) => usage.members,
    }),
  }),
});

builder.objectField(RoomRef, 'usage', (t) =>
  t.field({
    type: RoomUsageRef,
    nullable: true,
    description: "The room's usage against its budgets (owners; null for everyone else)",
    resolve: async (room, _args, context) =>
      (await context.loaders.viewerRole.load(room.id)) === 'OWNER'
        ? roomUsage(context.em, room.id, context.services.clock.now())
        : null,
  }),
);
