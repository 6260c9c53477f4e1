/**
 * This tablet's sheets that a second keyer verified on another tablet, as a
 * pull brings them (ARCHITECTURE.md, verification on another tablet): the
 * verified version replaces the tablet's copy only where
 * shared/verify-elsewhere.ts' takesVerifiedVersion says so, sealed before the
 * pull's transaction and written inside it with the page's checkpoint, so a
 * page is never taken without its verifications.
 */
import type { ApplicationRow, LocalApplication, MesaDb } from './schema';
import { sealApplication } from '../crypto/sealed-fields';
import type { VerifiedElsewhere } from '../../shared/protocol';
import { takesVerifiedVersion } from '../../shared/verify-elsewhere';
import { recordIndex, rowStamp } from './records';

/** A verified version ready to write: the row it replaces, as read. */
export interface PreparedVerified {
  id: string;
  stamp: string | null;
  sealed: ApplicationRow;
  record: LocalApplication;
}

/** Reads and seals what the verified versions change; a sheet not held here, or held with a change of its own, is left alone. */
export async function prepareVerifiedElsewhere(db: MesaDb, key: CryptoKey, verified: readonly VerifiedElsewhere[], now: number): Promise<PreparedVerified[]> {
  const index = recordIndex(db);
  const prepared: PreparedVerified[] = [];
  for (const entry of verified) {
    const row = await db.applications.get(entry.recordId);
    if (!row) continue;
    const held = await index.open(row);
    const queued = (await db.outbox.where('recordId').equals(entry.recordId).count()) > 0;
    if (!takesVerifiedVersion({ status: held.status, serverVersion: held.serverVersion, queued }, entry.serverVersion)) continue;
    // Verified: no longer waiting for a second keyer elsewhere, nor in a second look here with its keyings held.
    const record: LocalApplication = {
      ...held, fields: entry.application, ssidRekey: entry.application.ssid, serverVersion: entry.serverVersion, verification: entry.verification, updatedAt: now,
      verifyElsewhere: undefined, secondLook: undefined, heldKeyings: undefined,
    };
    prepared.push({ id: record.id, stamp: rowStamp(row), sealed: await sealApplication(key, record), record });
  }
  return prepared;
}

/** Writes the prepared versions whose rows are still as read and have nothing queued; call inside a rw transaction over applications and outbox. */
export async function writeVerifiedElsewhere(db: MesaDb, prepared: readonly PreparedVerified[]): Promise<void> {
  for (const item of prepared) {
    if (rowStamp(await db.applications.get(item.id)) !== item.stamp) continue;
    if ((await db.outbox.where('recordId').equals(item.id).count()) > 0) continue;
    await db.applications.put(item.sealed);
  }
}
