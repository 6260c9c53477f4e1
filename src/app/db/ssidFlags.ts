/**
 * Fills in the plain `ssidDiffered` flag (crypto/sealed-fields.ts) on rows
 * sealed before it existed: each is opened once, after unlock, and the flag
 * written beside its seal, so from then on the batches list counts the SSIDs
 * keyers typed differently without opening a record. Every seal since writes
 * the flag itself, so a tablet fills its rows once.
 */
import { isSealedRow, openApplication, type StoredApplication } from '../crypto/sealed-fields';
import { ssidDisagreement } from '../../shared/ssid-disagreements';
import { rowStamp } from './records';
import type { ApplicationRow, MesaDb } from './schema';

/** Whether a stored row is sealed without the flag (sealed before it existed). */
export function lacksSsidFlag(row: ApplicationRow): row is StoredApplication {
  return isSealedRow(row) && (row as StoredApplication).ssidDiffered === undefined;
}

/**
 * Writes the flag on every row of `rows` that lacks it and is unchanged since
 * read (a row written meanwhile was sealed with its own flag). A row that does
 * not open is left as it is: the lists set it aside as before. Returns how many it flagged.
 */
export async function fillSsidFlags(db: MesaDb, key: CryptoKey, rows: readonly ApplicationRow[]): Promise<number> {
  const unflagged = rows.filter(lacksSsidFlag);
  if (unflagged.length === 0) return 0;
  const opened = await Promise.allSettled(unflagged.map((row) => openApplication(key, row)));
  const flagged = unflagged.flatMap((row, i) => {
    const result = opened[i];
    return result?.status === 'fulfilled' ? [{ read: row, next: { ...row, ssidDiffered: ssidDisagreement(result.value) } }] : [];
  });
  return db.transaction('rw', db.applications, async () => {
    const current = await db.applications.bulkGet(flagged.map((item) => item.read.id));
    const writes = flagged.filter((item, i) => rowStamp(current[i]) === rowStamp(item.read)).map((item) => item.next);
    await db.applications.bulkPut(writes);
    return writes.length;
  });
}
