/**
 * The unsent report (issue 13 item 3): at each sync the tablet tells the server
 * how many records it holds that the server does not have, and which backup
 * files it restored. If this tablet's storage is later cleared, the server can
 * then tell its advisor and the center that those records never arrived. The
 * count reads plain columns only; nothing of a record leaves the tablet.
 */
import { unsentReportResponseSchema, type UnsentReport } from '../../shared/protocol';
import { readLastUnsentReport, readRestoredBackups, writeLastUnsentReport } from '../db/meta';
import { countUnsent } from '../db/plainColumns';
import type { MesaDb } from '../db/schema';
import type { ApiClient } from './api';

/**
 * Sends the report unless the server already took the same one from this user
 * (a shared tablet reports for each user who syncs on it). Throws what the
 * transport throws, like push.
 */
export async function reportUnsent(db: MesaDb, api: ApiClient, session: { token: string; userId: string }, deviceId: string): Promise<void> {
  const report: UnsentReport = { deviceId, unsent: await countUnsent(db), restoredFrom: await readRestoredBackups(db) };
  const text = JSON.stringify({ userId: session.userId, ...report });
  if (text === (await readLastUnsentReport(db))) return;
  await api.request('POST', '/api/sync/report', unsentReportResponseSchema, { token: session.token, body: report });
  await writeLastUnsentReport(db, text);
}
