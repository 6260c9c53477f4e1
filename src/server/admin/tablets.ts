/**
 * The center's tablets: every device one of its users signed in on, and
 * "Revoke", which ends every session on that tablet at once. The tablet learns it
 * at its next contact (deviceRevoked); nothing on the tablet is touched.
 */
import type { Tablet } from '../../shared/admin-protocol';
import type { DatabaseHandle } from '../db/connect';
import { Problem } from '../http/problem';
import { isOpenReport, notArrived, tabletLabel, unsentRecords } from '../../shared/unsent-reports';
import { centerDeviceReports, centerDevices, deviceReportOf, findCenterDevice, markDeviceRevoked, settleUnsentReports } from '../queries/devices';
import { revokeDeviceSessions } from '../queries/sessions';
import type { Actor } from './caller';
import { auditAdminAction } from './audit';

/** The center's tablets, most recently seen first, each with its latest unsent report and whether those records have not arrived. */
export async function listTablets(handle: DatabaseHandle, centerId: string): Promise<Tablet[]> {
  const [rows, reports] = await Promise.all([centerDevices(handle.db, centerId, new Date().toISOString()), centerDeviceReports(handle.db, centerId)]);
  const lost = notArrived(reports.map(deviceReportOf));
  return rows.map((r) => {
    // A shared tablet has a report per user: its latest one is what the tablet last said.
    const latest = reports.filter((p) => p.device_id === r.device_id && p.unsent_reported_at !== null)
      .sort((a, b) => (b.unsent_reported_at ?? '').localeCompare(a.unsent_reported_at ?? ''))[0];
    const missing = lost.filter((n) => n.device.deviceId === r.device_id).sort((a, b) => b.emptySignInAt.localeCompare(a.emptySignInAt))[0];
    return {
      deviceId: r.device_id, name: r.name, userName: r.user_name, userEmail: r.user_email,
      lastContactAt: r.last_seen_at, lastPushAt: r.last_push_at, revokedAt: r.revoked_at, signedIn: r.live_sessions > 0,
      unsent: latest?.unsent_reported_at ? { records: latest.unsent_records ?? 0, reportedAt: latest.unsent_reported_at } : null,
      notArrived: missing ? {
        records: missing.device.unsent, reportedAt: missing.device.reportedAt as string, emptySignInAt: missing.emptySignInAt,
        userName: reports.find((p) => p.user_id === missing.device.userId)?.user_name ?? '',
      } : null,
    };
  });
}

/**
 * The administrator has looked for the tablet's records (a backup, the tablet
 * itself) and closes its unsent report: the center's list no longer shows it.
 * Audited, with how many records the report named.
 */
export async function dismissUnsent(handle: DatabaseHandle, actor: Actor, deviceId: string): Promise<string> {
  const device = await findCenterDevice(handle.db, actor.centerId, deviceId);
  if (!device) throw new Problem('notFound');
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const open = (await centerDeviceReports(trx, actor.centerId)).filter((r) => r.device_id === deviceId && isOpenReport(deviceReportOf(r)));
    await settleUnsentReports(trx, { deviceId, centerId: actor.centerId }, 'unsent_dismissed_at', now);
    const records = open.reduce((sum, r) => sum + (r.unsent_records ?? 0), 0);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'unsent_dismissed', subject: `${tabletLabel(device.name, deviceId)}: ${unsentRecords(records)}`, now });
  });
  return now;
}

/** Ends every session of the center's users on this tablet; returns how many ended. */
export async function revokeTablet(handle: DatabaseHandle, actor: Actor, deviceId: string): Promise<number> {
  const device = await findCenterDevice(handle.db, actor.centerId, deviceId);
  if (!device) throw new Problem('notFound');
  const now = new Date().toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const ended = await revokeDeviceSessions(trx, deviceId, actor.centerId, now);
    await markDeviceRevoked(trx, deviceId, actor.centerId, now);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'tablet_revoked', subject: tabletLabel(device.name, deviceId), now });
    return ended;
  });
}
