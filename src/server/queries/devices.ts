/** Queries on `devices`: which user last signed in where, and each device's push progress. */
import type { Executor } from './executor';

/** Registers a device on sign-in, or moves it to the user now signing in; keeps its push progress. */
export async function registerDevice(db: Executor, device: { deviceId: string; userId: string; name: string; now: string }): Promise<void> {
  await db.insertInto('devices')
    .values({ device_id: device.deviceId, user_id: device.userId, name: device.name, last_applied_mutation_id: 0, created_at: device.now, last_seen_at: device.now })
    .onConflict((oc) => oc.column('device_id').doUpdateSet({ user_id: device.userId, name: device.name, last_seen_at: device.now }))
    .execute();
}

/**
 * Reads the device's last applied mutation id by writing to its row. The write
 * is the lock: on PostgreSQL a second push from the same device waits here until
 * the first commits, then reads the new value; SQLite's immediate transactions
 * already run one at a time.
 */
export async function lockDevice(db: Executor, deviceId: string, now: string): Promise<{ userId: string; lastAppliedMutationId: number } | undefined> {
  const row = await db.updateTable('devices')
    .set({ last_seen_at: now })
    .where('device_id', '=', deviceId)
    .returning(['user_id', 'last_applied_mutation_id'])
    .executeTakeFirst();
  return row && { userId: row.user_id, lastAppliedMutationId: row.last_applied_mutation_id };
}

/** Records how far the device's queue has been processed. */
export async function setLastAppliedMutationId(db: Executor, deviceId: string, mutationId: number): Promise<void> {
  await db.updateTable('devices').set({ last_applied_mutation_id: mutationId }).where('device_id', '=', deviceId).execute();
}
