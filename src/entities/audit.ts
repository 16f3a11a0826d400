import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

export const AUDIT_ACTIONS = [
  'ROOM_CREATED',
  'MEMBER_INVITED',
  'INVITATION_ACCEPTED',
  'INVITATION_DECLINED',
  'INVITATION_CANCELLED',
  'MEMBER_LEFT',
  'MEMBER_REMOVED',
  'SETTINGS_CHANGED',
  'DOCUMENT_UPLOADED',
  'DOCUMENT_REPLACED',
  'DOCUMENT_DELETED',
  'DOCUMENT_VISIBILITY_CHANGED',
  'QUIZ_GENERATED',
  'DECK_GENERATED',
  'STUDY_GUIDE_GENERATED',
  'SIGNED_IN',
  'DATA_EXPORTED',
  'ACCOUNT_DELETED',
  'OWNERSHIP_TRANSFERRED',
  'ROOM_DELETED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One recorded action (docs/school.md): who, what, when and from where. Append-only: rows are inserted,
 * never updated (a trigger refuses it; an account's erasure only clears `actor`), and deleted only by the
 * retention sweep. `room` is a plain id, not a foreign key, so a deleted room's trail survives it. `detail`
 * holds ids, names, sizes and settings, never document text or answers.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  triggers: [
    {
      // No update, except the foreign key clearing the actor of an erased account.
      name: 'append_only',
      timing: 'before',
      events: ['update'],
      body: `if row(new.id, new.at, new.room_id, new.action, new.subject_type, new.subject_id, new.detail::text, new.address) is distinct from row(old.id, old.at, old.room_id, old.action, old.subject_type, old.subject_id, old.detail::text, old.address) or (new.actor_id is not null and new.actor_id is distinct from old.actor_id) then raise exception 'audit entries are append-only'; end if; return new;`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    at: p
      .datetime()
      .onCreate(() => new Date())
      .index(),
    /** Null for account events (sign-ins). */
    roomId: p.uuid().nullable().index(),
    actor: () => p.manyToOne(User).nullable().deleteRule('set null').index(),
    action: p.enum(AUDIT_ACTIONS),
    /** Relay type name and id of what the action was on (a document, a member, a quiz...). */
    subjectType: p.string().length(40),
    subjectId: p.uuid(),
    detail: p.json<Record<string, unknown>>().nullable(),
    /** The client's address (X-Forwarded-For only from TRUST_PROXY proxies). */
    address: p.string().length(100),
  },
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
