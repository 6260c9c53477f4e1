/**
 * What the batches list reads to say where each batch's sheets wait for a
 * second keyer (shared/second-keyer-wait.ts): the records that may wait,
 * opened, and the sheets pulled here for a second keyer; and the batch's other
 * records, which wait for no one but may carry a verification whose SSID the
 * keyers typed differently (shared/ssid-disagreements.ts). The plain columns
 * tell the two kinds apart, so the waits never look at a synced record. A
 * synced record is opened only in a batch that verifies: no other batch has a
 * second keying to differ, and the home screen waits for this read, so a
 * tablet of synced single-keyed batches decrypts nothing it will not show. The
 * record index caches what it opened, so after the first look only rows
 * written since are decrypted again.
 */
import type { LocalSheetToVerify } from '../crypto/row-schemas';
import { openSheetToVerify } from '../crypto/sealed-to-verify';
import { openRows, recordIndex } from './records';
import type { ApplicationRow, LocalApplication, MesaDb } from './schema';

/** The tablet's sheets that may wait for a second keyer. */
export interface SheetsThatMayWait {
  /** Records of a batch that are not synced, or were sent to be verified on another tablet. */
  records: LocalApplication[];
  /** The other records of a batch: synced, and sent nowhere. */
  synced: LocalApplication[];
  /** Sheets other tablets typed, pulled here for a second keyer. */
  pulled: LocalSheetToVerify[];
}

/**
 * Every sheet of a batch on the tablet that may wait or may have been keyed
 * twice, opened, those that may wait for a second keyer apart; `verifying`
 * names the batches that verify. VaultLockedError while locked.
 */
export async function readSheetsThatMayWait(db: MesaDb, verifying: ReadonlySet<string>): Promise<SheetsThatMayWait> {
  const key = recordIndex(db).key();
  // A synced record sent nowhere waits for no one: the confirm gate let it
  // through, or it came before verification. A second look or the server's
  // refusal for want of a second keying leaves a record unsynced.
  const rows = await db.applications.filter((row) => row.batchId !== null).toArray();
  const waits = (row: ApplicationRow) => row.status !== 'synced' || row.verifyElsewhere !== undefined;
  const pulledRows = await db.sheetsToVerify.toArray();
  const records = await openRows(db, rows.filter(waits));
  const synced = await openRows(db, rows.filter((row) => !waits(row) && row.batchId !== null && verifying.has(row.batchId)));
  const pulled = await Promise.all(pulledRows.map((row) => openSheetToVerify(key, row)));
  return { records, synced, pulled };
}
