/**
 * Queries on `audit_log`: who changed what and when. This table is where SSID
 * changes are recorded, old and new; application logs never see them.
 */
import type { Selectable } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { AuditLogTable } from '../db/schema';
import type { Executor } from './executor';

export type AuditEntry = Selectable<AuditLogTable>;

/** Appends one entry. */
export async function appendAudit(db: Executor, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db.insertInto('audit_log').values({ id: uuidv7(), ...entry }).execute();
}

/** The history of one record, oldest first. */
export async function auditOf(db: Executor, entity: string, entityId: string): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();
}
