/**
 * What the batches list reads to say where each batch's sheets wait for a
 * second keyer (shared/second-keyer-wait.ts): the records that may wait,
 * opened, and the sheets pulled here for a second keyer. The plain columns
 * pick the records, so the home screen does not decrypt the whole tablet
 * (opening 10,000 records takes over a second: README, benchmarks).
 */
import type { LocalSheetToVerify } from '../crypto/row-schemas';
import { openSheetToVerify } from '../crypto/sealed-to-verify';
import { openRows, recordIndex } from './records';
import type { LocalApplication, MesaDb } from './schema';

/** The tablet's sheets that may wait for a second keyer. */
export interface SheetsThatMayWait {
  /** Records of a batch that are not synced, or were sent to be verified on another tablet. */
  records: LocalApplication[];
  /** Sheets other tablets typed, pulled here for a second keyer. */
  pulled: LocalSheetToVerify[];
}

/** Every sheet on the tablet that may wait for a second keyer, opened. VaultLockedError while locked. */
export async function readSheetsThatMayWait(db: MesaDb): Promise<SheetsThatMayWait> {
  const key = recordIndex(db).key();
  // A synced record sent nowhere waits for no one: the confirm gate let it
  // through, or it came before verification. A second look or the server's
  // refusal for want of a second keying leaves a record unsynced.
  const rows = await db.applications.filter((row) => row.batchId !== null && (row.status !== 'synced' || row.verifyElsewhere !== undefined)).toArray();
  const pulledRows = await db.sheetsToVerify.toArray();
  const records = await openRows(db, rows);
  const pulled = await Promise.resolve(Promise.all(pulledRows.map((row) => openSheetToVerify(key, row))));
  return { records, pulled };
}
