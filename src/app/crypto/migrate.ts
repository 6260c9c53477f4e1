/**
 * The one-time move from plain rows to sealed rows, run right after unlock
 * (a Dexie upgrade cannot do it: it has no key, and WebCrypto calls would end
 * its transaction). Safe to run on every unlock: it seals only rows that are
 * still plain, and writes a sealed row only if the plain one is unchanged since
 * it was read, so an edit made meanwhile is never overwritten.
 */
import type { LocalApplication, MesaDb, OutboxRow } from '../db/schema';
import { sealOutbox } from '../db/outbox';
import { isSealedRow, sealApplication } from './sealed-fields';

/** How many rows one pass sealed. */
export interface SealReport {
  applications: number;
  outbox: number;
}

/** Seals every application and outbox row still stored in plain text. */
export async function sealPlainRows(db: MesaDb, key: CryptoKey): Promise<SealReport> {
  const { applications, outbox } = db;

  const plainApps = (await applications.toArray()).filter((row): row is LocalApplication => !isSealedRow(row));
  const plainOutbox = (await outbox.toArray()).filter((row): row is OutboxRow => !isSealedRow(row));
  const sealedApps = await Promise.all(plainApps.map((app) => sealApplication(key, app)));
  const sealedOutbox = await Promise.all(plainOutbox.map((row) => sealOutbox(key, row)));

  return db.transaction('rw', applications, outbox, async () => {
    const report: SealReport = { applications: 0, outbox: 0 };
    const currentApps = await applications.bulkGet(plainApps.map((app) => app.id));
    const appWrites = sealedApps.filter((sealed, i) => {
      const now = currentApps[i];
      return now !== undefined && !isSealedRow(now) && now.version === sealed.version && now.updatedAt === sealed.updatedAt;
    });
    await applications.bulkPut(appWrites);
    report.applications = appWrites.length;

    // Outbox rows are written once and only deleted, so "still there and still plain" is unchanged.
    const currentOutbox = await outbox.bulkGet(plainOutbox.map((row) => row.mutationId));
    const outboxWrites = sealedOutbox.filter((_, i) => {
      const now = currentOutbox[i];
      return now !== undefined && !isSealedRow(now);
    });
    await outbox.bulkPut(outboxWrites);
    report.outbox = outboxWrites.length;
    return report;
  });
}
