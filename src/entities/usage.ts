import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Room } from './room.ts';
import { User } from './user.ts';

/**
 * What one member spent in one room on one UTC day: the counters budgets are checked against
 * (src/budgets/usage-service.ts). Written only by atomic increments; a month is the sum of its days.
 */
export const UsageDay = defineEntity({
  name: 'UsageDay',
  properties: {
    room: () => p.manyToOne(Room).deleteRule('cascade').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade').primary().index(),
    day: p.date().primary(),
    /** Prompt and completion tokens, as the provider reported them or estimated with the tokenizer. */
    llmTokens: p.bigint('number').default(0),
    uploadBytes: p.bigint('number').default(0),
    uploads: p.integer().default(0),
  },
});
export type UsageDay = InferEntity<typeof UsageDay>;
