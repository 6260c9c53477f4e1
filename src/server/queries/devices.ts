/**
 * Queries on `devices`: one row per device and user, holding that pair's push
 * progress (its mutation ledger). Another user signing in with the same device
 * id gets a row of their own and never moves or advances this one.
 */
import type { ExpressionBuilder } from 'kysely';
import type { DeviceReport } from '../../shared/unsent-reports';
import type { Database } from '../db/schema';
import type { Executor } from './executor';

/** Registers a device for the user signing in, or notes that it was seen again; never touches another user's row. */
export async function registerDevice(db: Executor, device: { deviceId: string; userId: string; name: string; now: string }): Promise<void> {
  await db.insertInto('devices')
    .values({ device_id: device.deviceId, user_id: device.userId, name: device.name, last_applied_mutation_id: 0, created_at: device.now, last_seen_at: device.now })
    .onConflict((oc) => oc.columns(['device_id', 'user_id']).doUpdateSet({ name: device.name, last_seen_at: device.now }))
    .execute();
}

/** Whether this user has signed in on this device before. */
export async function isKnownDevice(db: Executor, deviceId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('devices').select('device_id').where('device_id', '=', deviceId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Reads the ledger's last applied mutation id by writing to its row. The write
 * is the lock: on PostgreSQL a second push from the same device and user waits
 * here until the first commits, then reads the new value; SQLite's immediate
 * transactions already run one at a time.
 */
export async function lockDevice(db: Executor, deviceId: string, userId: string, now: string): Promise<{ lastAppliedMutationId: number } | undefined> {
  const row = await db.updateTable('devices')
    .set({ last_seen_at: now, last_push_at: now })
    .where('device_id', '=', deviceId)
    .where('user_id', '=', userId)
    .returning('last_applied_mutation_id')
    .executeTakeFirst();
  return row && { lastAppliedMutationId: row.last_applied_mutation_id };
}

/** How far the device and user's queue has been processed, read without a lock (undefined for an unknown device). */
export async function ledgerOf(db: Executor, deviceId: string, userId: string): Promise<number | undefined> {
  const row = await db.selectFrom('devices').select('last_applied_mutation_id').where('device_id', '=', deviceId).where('user_id', '=', userId).executeTakeFirst();
  return row?.last_applied_mutation_id;
}

/** The highest mutation id any user's ledger on this device has reached (0 when none). */
export async function deviceHighWater(db: Executor, deviceId: string): Promise<number> {
  const row = await db.selectFrom('devices')
    .select((eb) => eb.fn.max('last_applied_mutation_id').as('highest'))
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0);
}

/** Records how far the device and user's queue has been processed. */
export async function setLastAppliedMutationId(db: Executor, deviceId: string, userId: string, mutationId: number): Promise<void> {
  await db.updateTable('devices').set({ last_applied_mutation_id: mutationId }).where('device_id', '=', deviceId).where('user_id', '=', userId).execute();
}

/** A tablet as the administrator's list shows it, with the user who last signed in on it. */
export interface CenterDeviceRow {
  device_id: string;
  name: string;
  last_seen_at: string;
  last_push_at: string | null;
  revoked_at: string | null;
  user_name: string;
  user_email: string;
  live_sessions: number;
}

/**
 * Every tablet one of this center's users signed in on, once each (a shared
 * tablet has a row per user): the center user who was seen on it last, its
 * latest push by any of them, and the live sessions of the center's users on
 * it. Most recently seen first.
 */
export async function centerDevices(db: Executor, centerId: string, now: string): Promise<CenterDeviceRow[]> {
  const rows = await db.selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(['devices.device_id', 'devices.name', 'devices.last_seen_at', 'devices.last_push_at', 'devices.revoked_at', 'users.name as user_name', 'users.email as user_email'])
    .select((eb) => eb.selectFrom('sessions').select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('sessions.device_id', '=', 'devices.device_id')
      .where('sessions.user_id', 'in', centerUserIds(centerId))
      .where('sessions.revoked_at', 'is', null).where('sessions.expires_at', '>', now)
      .as('live_sessions'))
    .where('users.center_id', '=', centerId)
    .orderBy('devices.last_seen_at', 'desc')
    .orderBy('devices.user_id')
    .execute();
  const byDevice = new Map<string, CenterDeviceRow>();
  for (const r of rows) {
    const seen = byDevice.get(r.device_id);
    if (!seen) byDevice.set(r.device_id, { ...r, live_sessions: Number(r.live_sessions ?? 0) });
    else if (r.last_push_at !== null && (seen.last_push_at === null || r.last_push_at > seen.last_push_at)) seen.last_push_at = r.last_push_at;
  }
  return [...byDevice.values()];
}

/** The tablet as its center user seen on it last named it, when one of this center's users signed in on it. */
export async function findCenterDevice(db: Executor, centerId: string, deviceId: string): Promise<{ device_id: string; name: string } | undefined> {
  return db.selectFrom('devices').innerJoin('users', 'users.id', 'devices.user_id')
    .select(['devices.device_id', 'devices.name'])
    .where('devices.device_id', '=', deviceId).where('users.center_id', '=', centerId)
    .orderBy('devices.last_seen_at', 'desc')
    .executeTakeFirst();
}

/** Notes when an administrator cut the tablet off, on the rows of this center's users only. */
export async function markDeviceRevoked(db: Executor, deviceId: string, centerId: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now })
    .where('device_id', '=', deviceId)
    .where('user_id', 'in', centerUserIds(centerId))
    .execute();
}

/** The ids of this center's users, as a subquery. */
function centerUserIds(centerId: string) {
  return (eb: ExpressionBuilder<Database, keyof Database>) => eb.selectFrom('users').select('id').where('center_id', '=', centerId);
}

/** The report columns of one device and user, as the unsent rules read them (shared/unsent-reports.ts). */
export interface DeviceReportRow {
  device_id: string;
  user_id: string;
  name: string;
  unsent_records: number | null;
  unsent_reported_at: string | null;
  last_seen_at: string;
  empty_sign_in_at: string | null;
  unsent_dismissed_at: string | null;
  unsent_recovered_at: string | null;
}

/** A stored row as the shared rules read it. */
export function deviceReportOf(row: DeviceReportRow): DeviceReport {
  return {
    deviceId: row.device_id, userId: row.user_id, unsent: row.unsent_records ?? 0, reportedAt: row.unsent_reported_at, lastSeenAt: row.last_seen_at,
    emptySignInAt: row.empty_sign_in_at, dismissedAt: row.unsent_dismissed_at, recoveredAt: row.unsent_recovered_at,
  };
}

const REPORT_COLUMNS = [
  'devices.device_id', 'devices.user_id', 'devices.name', 'devices.unsent_records', 'devices.unsent_reported_at', 'devices.last_seen_at',
  'devices.empty_sign_in_at', 'devices.unsent_dismissed_at', 'devices.unsent_recovered_at',
] as const;

/** Every device row of one user. */
export async function userDeviceReports(db: Executor, userId: string): Promise<DeviceReportRow[]> {
  return db.selectFrom('devices').select(REPORT_COLUMNS).where('user_id', '=', userId).execute();
}

/** Every device row of the center's users, with the user's name. */
export async function centerDeviceReports(db: Executor, centerId: string): Promise<(DeviceReportRow & { user_name: string })[]> {
  return db.selectFrom('devices').innerJoin('users', 'users.id', 'devices.user_id')
    .select(REPORT_COLUMNS).select('users.name as user_name')
    .where('users.center_id', '=', centerId)
    .execute();
}

/** Stores how many records the device and user's tablet holds unsent; contact too. */
export async function storeUnsentReport(db: Executor, report: { deviceId: string; userId: string; unsent: number; now: string }): Promise<boolean> {
  const result = await db.updateTable('devices')
    .set({ unsent_records: report.unsent, unsent_reported_at: report.now, last_seen_at: report.now })
    .where('device_id', '=', report.deviceId).where('user_id', '=', report.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Notes that the user signed in on this device with an empty store. */
export async function markEmptySignIn(db: Executor, deviceId: string, userId: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ empty_sign_in_at: now }).where('device_id', '=', deviceId).where('user_id', '=', userId).execute();
}

/** Settles the device's reports on the rows of this center's users: `column` says how. */
export async function settleUnsentReports(db: Executor, target: { deviceId: string; centerId: string; userIds?: readonly string[] }, column: 'unsent_dismissed_at' | 'unsent_recovered_at', now: string): Promise<void> {
  let query = db.updateTable('devices').set({ [column]: now })
    .where('device_id', '=', target.deviceId)
    .where('user_id', 'in', centerUserIds(target.centerId));
  if (target.userIds) query = query.where('user_id', 'in', target.userIds);
  await query.execute();
}
