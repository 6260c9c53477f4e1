/**
 * A sheet pulled for this tablet's second keyer, as stored: all of it sealed
 * (the whole first entry is pupil data) but what the verify screen and the
 * next pull must find without the key: its id, batch and server version.
 */
import { localSheetToVerifySchema, type LocalSheetToVerify } from './row-schemas';
import { open, seal, type Sealed } from './seal';

export interface StoredSheetToVerify {
  id: string;
  batchId: string;
  serverVersion: number;
  sealed: Sealed;
}

const context = (id: string): string => `sheetsToVerify/${id}`;

/** The stored shape of `sheet`, its blob bound to its id. */
export async function sealSheetToVerify(key: CryptoKey, sheet: LocalSheetToVerify): Promise<StoredSheetToVerify> {
  return { id: sheet.recordId, batchId: sheet.batchId, serverVersion: sheet.serverVersion, sealed: await seal(key, sheet, context(sheet.recordId)) };
}

/** The sheet inside a stored row, validated. SealBrokenError if the blob was changed or moved. */
export async function openSheetToVerify(key: CryptoKey, stored: StoredSheetToVerify): Promise<LocalSheetToVerify> {
  return localSheetToVerifySchema.parse(await open(key, stored.sealed, context(stored.id)));
}
