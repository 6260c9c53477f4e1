/**
 * What the batches list reads to say where each batch's sheets wait for a
 * second keyer (shared/second-keyer-wait.ts): the records that may wait,
 * opened, and the sheets pulled here for a second keyer; and where each batch
 * record's SSID stands between its keyers (shared/ssid-disagreements.ts). The
 * plain columns tell the records that may wait from the rest, so the waits
 * never look at a synced record, and the SSID standing is the plain flag
 * every seal writes (crypto/sealed-fields.ts), so the home screen, which waits
 * for this read, opens no synced record: only a row stored without the flag
 * (sealed before it, and not yet filled in after unlock) is opened for it.
 */
import type { LocalSheetToVerify } from '../crypto/row-schemas';
import type { StoredApplication } from '../crypto/sealed-fields';
import { openSheetToVerify } from '../crypto/sealed-to-verify';
import { ssidDisagreement, type SsidDisagreement } from '../../shared/ssid-disagreements';
import { openRows, recordIndex } from './records';
import type { ApplicationRow, LocalApplication, MesaDb } from './schema';

/** Where one batch record's SSID stands between its keyers. */
export interface BatchSsid {
  batchId: string;
  ssid: SsidDisagreement;
}

/** The tablet's sheets that may wait for a second keyer. */
export interface SheetsThatMayWait {
  /** Records of a batch that are not synced, or were sent to be verified on another tablet. */
  records: LocalApplication[];
  /** Every record of a batch, by where its SSID stands between its keyers. */
  ssids: BatchSsid[];
  /** Sheets other tablets typed, pulled here for a second keyer. */
  pulled: LocalSheetToVerify[];
}

/** The flag stored beside a row's seal, or undefined for a row stored without one. */
function storedFlag(row: ApplicationRow): SsidDisagreement | undefined {
  return 'sealed' in row ? (row as StoredApplication).ssidDiffered : undefined;
}

/**
 * Every sheet of a batch on the tablet that may wait, opened, and where each
 * batch record's SSID stands. VaultLockedError while locked.
 */
export async function readSheetsThatMayWait(db: MesaDb): Promise<SheetsThatMayWait> {
  const key = recordIndex(db).key();
  // A synced record sent nowhere waits for no one: the confirm gate let it
  // through, or it came before verification. A second look or the server's
  // refusal for want of a second keying leaves a record unsynced.
  const rows = await db.applications.filter((row) => row.batchId !== null).toArray();
  const waits = (row: ApplicationRow) => row.status !== 'synced' || row.verifyElsewhere !== undefined;
  const pulledRows = await db.sheetsToVerify.toArray();
  const records = await openRows(db, rows.filter(waits));
  const flagged = rows.flatMap((row) => {
    const ssid = storedFlag(row);
    return ssid === undefined ? [] : [{ batchId: row.batchId as string, ssid }];
  });
  const unflagged = await openRows(db, rows.filter((row) => storedFlag(row) === undefined));
  const pulled = await Promise.all(pulledRows.map((row) => openSheetToVerify(key, row)));
  const ssids = [...flagged, ...unflagged.map((record) => ({ batchId: record.batchId as string, ssid: ssidDisagreement(record) }))];
  return { records, ssids, pulled };
}
