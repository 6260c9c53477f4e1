/**
 * Queries on `devices`: one row per device and user, holding that pair's push
 * progress (its mutation ledger). Another user signing in with the same device
 * id gets a row of their own and never moves or advances this one.
 */
import type { ExpressionBuilder } from 'kysely';
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
