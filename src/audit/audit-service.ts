/**
 * The audit trail (docs/school.md): actions recorded as they succeed, read back by a room's owners, and
 * swept after AUDIT_RETENTION_DAYS. Entries are inserted directly, outside the request's unit of work, so
 * recording never flushes anything else the request holds.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditAction, AuditEntry } from '../entities/audit.ts';

/** Who is acting and from where: the operation's context. */
export interface AuditSource {
  em: EntityManager;
  viewer?: { id: string } | null;
  clientAddress: string;
  services: { clock: { now(): Date } };
}

export interface AuditRecord {
  /** Null for account events (sign-ins). */
  roomId: string | null;
  action: AuditAction;
  subject: { type: string; id: string };
  /** Ids, names, sizes, settings: never document text or answers. */
  detail?: Record<string, unknown>;
  /** Defaults to the viewer (a sign-in names the user it signed in). */
  actorId?: string;
}

export async function recordAudit(source: AuditSource, record: AuditRecord): Promise<void> {
  const actorId = record.actorId ?? source.viewer?.id ?? null;
  await source.em.getConnection().execute(
    `insert into audit_entry (id, at, room_id, actor_id, action, subject_type, subject_id, detail, address)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      source.services.clock.now(),
      record.roomId,
      actorId,
      record.action,
      record.subject.type,
      record.subject.id,
      record.detail ? JSON.stringify(record.detail) : null,
      source.clientAddress.slice(0, 100),
    ],
  );
}

/** A room's trail, newest first, one page at a time. */
export function auditLogOf(em: EntityManager, roomId: string, page: { offset: number; limit: number }) {
  return em.find(
    AuditEntry,
    { roomId },
    { orderBy: { at: 'desc', id: 'desc' }, offset: page.offset, limit: page.limit },
  );
}

/** A person's account events (sign-ins), newest first. */
export function accountLogOf(em: EntityManager, userId: string, page: { offset: number; limit: number }) {
  return em.find(
    AuditEntry,
    { actor: userId, roomId: null },
    { orderBy: { at: 'desc', id: 'desc' }, offset: page.offset, limit: page.limit },
  );
}

/** Deletes the entries older than the retention period; returns how many. */
export async function sweepAuditLog(em: EntityManager, now: Date, retentionDays: number): Promise<number> {
  return em.nativeDelete(AuditEntry, { at: { $lt: new Date(now.getTime() - retentionDays * 86_400_000) } });
}
