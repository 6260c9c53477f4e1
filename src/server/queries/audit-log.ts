/**
 * Queries on `audit_log`: who changed what and when. This table is where SSID
 * changes are recorded, old and new; application logs never see them.
 */
import type { Selectable } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { AuditLogTable } from '../db/schema';
import { chunkedForInsert } from './chunked';
import type { Executor } from './executor';

export type AuditEntry = Selectable<AuditLogTable>;

/** Appends one entry. */
export async function appendAudit(db: Executor, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db.insertInto('audit_log').values({ id: uuidv7(), ...entry }).execute();
}

/** Appends entries whose ids were taken in order (uuidv7), in multi-row statements. */
export async function appendAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (const chunk of chunkedForInsert(entries, 8)) await db.insertInto('audit_log').values(chunk).execute();
}

/** The history of one record, oldest first. */
export async function auditOf(db: Executor, entity: string, entityId: string): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();
}

/** An audit entry with the name of the user who made it (null for none, e.g. a student online). */
export type NamedAuditEntry = AuditEntry & { user_name: string | null };

/** The SSID changes of one student, oldest first, with who made them. */
export async function ssidHistoryOf(db: Executor, studentId: string): Promise<NamedAuditEntry[]> {
  return db.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.name as user_name')
    .where('audit_log.entity', '=', 'student').where('audit_log.entity_id', '=', studentId)
    .where('audit_log.action', 'like', 'ssid_%')
    .orderBy('audit_log.id')
    .execute();
}

/** The center's administrative changes, newest first, with who made them. */
export async function centerHistory(db: Executor, centerId: string, limit: number): Promise<NamedAuditEntry[]> {
  return db.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.name as user_name')
    .where('audit_log.entity', '=', 'center').where('audit_log.entity_id', '=', centerId)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}
