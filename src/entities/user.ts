import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    ...baseProperties(),
    email: p.string().length(320).unique(),
    displayName: p.string().length(120),
    passwordHash: p.string().length(255).lazy(),
    /** Bumped by signOut and changePassword: tokens carrying an older version are refused. */
    tokenVersion: p.integer().default(0),
  },
});

export type User = InferEntity<typeof User>;
