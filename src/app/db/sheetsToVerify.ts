/**
 * Sheets other tablets typed and sent for a second keyer (ARCHITECTURE.md,
 * verification on another tablet): stored sealed, apart from this tablet's
 * records, under a batch of their own, until keyed here. A sheet verified
 * here becomes a record of this tablet, carrying its verification, ready to
 * confirm; one the paper could not settle keeps its second look here, with the
 * keyings a look at the paper finishes it from, as a record of this tablet does.
 */
import type { HeldKeyings, LocalApplication, LocalBatch, MesaDb, SecondLookLine } from './schema';
import type { LocalSheetToVerify } from '../crypto/row-schemas';
import { sealApplication } from '../crypto/sealed-fields';
import { openSheetToVerify, sealSheetToVerify, type StoredSheetToVerify } from '../crypto/sealed-to-verify';
import type { BatchToVerify, VerifyQueueResponse } from '../../shared/protocol';
import type { Verification } from '../../shared/verification-record';
import { takesSheetToVerify, type HeldToVerify } from '../../shared/verify-elsewhere';
import type { VerifiedValues } from '../../shared/verify-sheet';
import { recordIndex } from './records';
import { rethrowStorageError } from './storageErrors';

async function heldOf(db: MesaDb, id: string): Promise<HeldToVerify> {
  if (await db.applications.get(id)) return { kind: 'keyed' };
  const row = await db.sheetsToVerify.get(id);
  return row ? { kind: 'waiting', serverVersion: row.serverVersion } : { kind: 'none' };
}

/**
 * The batch row a pulled stack is listed under: plain, like every batch (no
 * pupil data), verifying the fields the first tablet's batch added to the four,
 * which the Verify screen keys (batchVerifiedFields).
 */
function batchOf({ batchId, sheets, fields }: BatchToVerify, now: number): LocalBatch {
  const first = sheets[0]!.application;
  return {
    id: batchId, schoolId: first.schoolId, programYear: first.programYear, sheetCount: Math.max(...sheets.map((s) => s.sheet)),
    defaults: {}, verify: true, addedVerifiedFields: fields ?? [], typedElsewhere: true, createdAt: now,
  };
}

/** Stores what the verify queue brought that this tablet should hold (takesSheetToVerify); answers how many sheets it stored. */
export async function storeSheetsToVerify(db: MesaDb, queue: VerifyQueueResponse, now: number = Date.now()): Promise<number> {
  const key = recordIndex(db).key();
  const sealed: StoredSheetToVerify[] = [];
  for (const batch of queue.batches) {
    for (const sheet of batch.sheets) {
      if (takesSheetToVerify(await heldOf(db, sheet.recordId), sheet.serverVersion)) sealed.push(await sealSheetToVerify(key, { ...sheet, batchId: batch.batchId }));
    }
  }
  if (sealed.length === 0) return 0;
  try {
    return await db.transaction('rw', [db.batches, db.sheetsToVerify, db.applications], async () => {
      for (const batch of queue.batches) {
        if (!(await db.batches.get(batch.batchId))) await db.batches.add(batchOf(batch, now));
      }
      // Read again inside the transaction: a sheet keyed here meanwhile is never put back to key again.
      const keyed = new Set((await db.applications.bulkGet(sealed.map((s) => s.id))).flatMap((row) => (row ? [row.id] : [])));
      const fresh = sealed.filter((s) => !keyed.has(s.id));
      await db.sheetsToVerify.bulkPut(fresh);
      return fresh.length;
    });
  } catch (error) {
    return rethrowStorageError(error);
  }
}

/** A batch's sheets waiting to be keyed here, in stack order. */
export async function listSheetsToVerify(db: MesaDb, batchId: string): Promise<LocalSheetToVerify[]> {
  const key = recordIndex(db).key();
  const rows = await db.sheetsToVerify.where('batchId').equals(batchId).toArray();
  const sheets = await Promise.all(rows.map((row) => openSheetToVerify(key, row)));
  return sheets.sort((a, b) => a.sheet - b.sheet);
}

/** Keeps a sheet the paper could not settle here in "Needs a second look", with the keyings a look at the paper finishes it from. */
export async function keepSecondLook(db: MesaDb, sheet: LocalSheetToVerify, lines: SecondLookLine[], held: HeldKeyings): Promise<void> {
  const sealed = await sealSheetToVerify(recordIndex(db).key(), { ...sheet, secondLook: lines, heldKeyings: held });
  try {
    await db.transaction('rw', db.sheetsToVerify, () => db.sheetsToVerify.put(sealed));
  } catch (error) {
    rethrowStorageError(error);
  }
}

/**
 * Makes a sheet verified here a record of this tablet: the first tablet's
 * application with the values that stand, its verification, at the server
 * version it was pulled at (the base of the version it goes back as), ready to
 * confirm. Its place in the stack orders it in the batch.
 */
export async function takeVerifiedSheet(
  db: MesaDb, sheet: LocalSheetToVerify, verification: Verification, values: VerifiedValues, now: number = Date.now(),
): Promise<LocalApplication> {
  const index = recordIndex(db);
  const record: LocalApplication = {
    id: sheet.recordId, studentId: sheet.studentId, batchId: sheet.batchId, status: 'ready', version: 1, serverVersion: sheet.serverVersion,
    schoolId: sheet.application.schoolId, createdAt: Date.parse(sheet.confirmedAt) + sheet.sheet, updatedAt: now, confirmedAt: null,
    fields: { ...sheet.application, ...values },
    // Both keyers typed the SSID from the paper and it stands: the paper shows this number.
    ssidRekey: values.ssid, ssidChecked: true,
    serverReason: null, sendToReview: false, verification,
  };
  const sealed = await sealApplication(index.key(), record);
  try {
    await db.transaction('rw', [db.applications, db.sheetsToVerify], async () => {
      await db.applications.put(sealed);
      await db.sheetsToVerify.delete(sheet.recordId);
    });
  } catch (error) {
    return rethrowStorageError(error);
  }
  index.remember(sealed, record);
  return record;
}
