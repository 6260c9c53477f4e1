/**
 * Loss is never silent (issue 13 item 3): storing each tablet's report of the
 * records it holds unsent, and answering a sign-in on an empty tablet with the
 * user's other devices whose records have not arrived. The rules are the
 * shared ones (shared/unsent-reports.ts); this module reads and writes for them.
 */
import { unsentReportSchema, type UnsentElsewhere } from '../../shared/protocol';
import { openReportsElsewhere, settledByRestore, tabletLabel } from '../../shared/unsent-reports';
import type { DatabaseHandle } from '../db/connect';
import { auditAdminAction } from '../admin/audit';
import { Problem } from '../http/problem';
import { parseOrThrow } from '../http/validation';
import { centerDeviceReports, deviceReportOf, markEmptySignIn, settleUnsentReports, storeUnsentReport, userDeviceReports } from '../queries/devices';
import type { Executor } from '../queries/executor';

/**
 * Stores the report of the caller's tablet. A report naming restored backups,
 * from a tablet that now holds nothing unsent, settles the reports of the
 * devices those backups came from (rule 1), audited for the center.
 */
export async function reportUnsent(handle: DatabaseHandle, caller: { userId: string; centerId: string; sessionDeviceId: string }, body: unknown): Promise<{ reportedAt: string }> {
  const report = parseOrThrow(unsentReportSchema, body);
  // A token speaks only for the device it was issued to.
  if (report.deviceId !== caller.sessionDeviceId) throw new Problem('forbidden');
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    if (!(await storeUnsentReport(trx, { deviceId: report.deviceId, userId: caller.userId, unsent: report.unsent, now }))) throw new Problem('forbidden');
    if (report.restoredFrom.length === 0) return;
    const rows = await centerDeviceReports(trx, caller.centerId);
    const settled = settledByRestore(rows.map(deviceReportOf), { deviceId: report.deviceId, unsent: report.unsent, restoredFrom: report.restoredFrom });
    for (const deviceId of new Set(settled.map((d) => d.deviceId))) {
      const userIds = settled.filter((d) => d.deviceId === deviceId).map((d) => d.userId);
      await settleUnsentReports(trx, { deviceId, centerId: caller.centerId, userIds }, 'unsent_recovered_at', now);
      const name = rows.find((r) => r.device_id === deviceId)?.name ?? '';
      await auditAdminAction(trx, { centerId: caller.centerId, userId: caller.userId, action: 'unsent_recovered', subject: tabletLabel(name, deviceId), now });
    }
  });
  return { reportedAt: now };
}

/**
 * Notes a sign-in on an empty tablet and answers with the user's other devices
 * whose reported records have not arrived (rule 2).
 */
export async function signedInEmpty(db: Executor, signIn: { deviceId: string; userId: string; now: string }): Promise<UnsentElsewhere[]> {
  await markEmptySignIn(db, signIn.deviceId, signIn.userId, signIn.now);
  const rows = await userDeviceReports(db, signIn.userId);
  const names = new Map(rows.map((r) => [r.device_id, r.name]));
  return openReportsElsewhere(rows.map(deviceReportOf), signIn).map((d) => ({
    deviceId: d.deviceId, name: tabletLabel(names.get(d.deviceId) ?? '', d.deviceId), unsent: d.unsent, reportedAt: d.reportedAt as string,
  }));
}
