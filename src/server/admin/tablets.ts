/**
 * The center's tablets: every device one of its users signed in on, and
 * "Revoke", which ends every session on that tablet at once. The tablet learns it
 * at its next contact (deviceRevoked); nothing on the tablet is touched.
 */
import type { Tablet } from '../../shared/admin-protocol';
import type { DatabaseHandle } from '../db/connect';
import { Problem } from '../http/problem';
import { centerDevices, findCenterDevice, markDeviceRevoked } from '../queries/devices';
import { revokeDeviceSessions } from '../queries/sessions';
import type { Actor } from './caller';
import { auditAdminAction } from './audit';

/** The center's tablets, most recently seen first. */
export async function listTablets(handle: DatabaseHandle, centerId: string): Promise<Tablet[]> {
  const rows = await centerDevices(handle.db, centerId, new Date().toISOString());
  return rows.map((r) => ({
    deviceId: r.device_id, name: r.name, userName: r.user_name, userEmail: r.user_email,
    lastContactAt: r.last_seen_at, lastPushAt: r.last_push_at, revokedAt: r.revoked_at, signedIn: r.live_sessions > 0,
  }));
}

/** Ends every session of the center's users on this tablet; returns how many ended. */
export async function revokeTablet(handle: DatabaseHandle, actor: Actor, deviceId: string): Promise<number> {
  const device = await findCenterDevice(handle.db, actor.centerId, deviceId);
  if (!device) throw new Problem('notFound');
  const now = new Date().toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const ended = await revokeDeviceSessions(trx, deviceId, actor.centerId, now);
    await markDeviceRevoked(trx, deviceId, actor.centerId, now);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'tablet_revoked', subject: device.name === '' ? `Tablet …${deviceId.slice(-6)}` : device.name, now });
    return ended;
  });
}
