import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/** Columns every entity shares: a uuid primary key and creation/update stamps. */
export function baseProperties() {
  return {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  };
}
