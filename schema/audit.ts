/** The audit trail (docs/school.md): `Room.auditLog` for owners, `User.auditLog` for the person themself. */
import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { accountLogOf, auditLogOf } from '../src/audit/audit-service.ts';
import { AUDIT_ACTIONS, type AuditEntry } from '../src/entities/audit.ts';
import { builder } from './builder.ts';
import { RoomRef } from './room.ts';
import { UserRef } from './user.ts';

export const AuditActionEnum = builder.enumType('AuditAction', { values: AUDIT_ACTIONS });

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One recorded action: who, what, when and from where (never document text or answers)',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null once the account is erased',
      resolve: (entry, _args, context) =>
        entry.actor ? context.loaders.userById.load(entry.actor.id) : null,
    }),
    action: t.field({ type: AuditActionEnum, resolve: (entry) => entry.action }),
    subjectId: t.id({
      description: 'Global id of what the action was on (it may no longer exist)',
      resolve: (entry) => encodeGlobalID(entry.subjectType, entry.subjectId),
    }),
    subjectType: t.exposeString('subjectType'),
    detail: t.field({ type: 'JSON', nullable: true, resolve: (entry) => entry.detail ?? null }),
    address: t.exposeString('address', { description: "The client's address" }),
  }),
});

builder.objectField(RoomRef, 'auditLog', (t) =>
  t.connection({
    type: AuditEntryRef,
    description: "Owners: the room's trail, newest first",
    authScopes: (room) => ({ room: { roomId: room.id, role: 'OWNER' } }),
    resolve: (room, args, context) =>
      resolveOffsetConnection({ args, defaultSize: 50, maxSize: 100 }, (page) =>
        auditLogOf(context.em, room.id, page),
      ),
  }),
);

builder.objectField(UserRef, 'auditLog', (t) =>
  t.connection({
    type: AuditEntryRef,
    description:
      "The viewer's own account events (sign-ins, with the address), newest first; empty for anyone else",
    resolve: (user, args, context) =>
      resolveOffsetConnection({ args, defaultSize: 50, maxSize: 100 }, (page) =>
        context.viewer?.id === user.id ? accountLogOf(context.em, user.id, page) : [],
      ),
  }),
);
