/**
 * The sealed copy: what a locked tablet can still save before a forgotten
 * passphrase is reset. Without the passphrase nothing can be decrypted, so the
 * file holds the unsynced rows exactly as stored (sealed under the data key)
 * and the key record that wraps that key under the passphrase. It opens only
 * with that old passphrase, on this tablet or another, through the backup
 * screen's import; to anyone else it is as unreadable as the tablet itself.
 */
import { z } from 'zod/mini';
import type { MesaDb } from '../db/schema';
import { keyRecordSchema, unlockKey } from '../crypto/keys';
import { sealedRows } from '../db/rowCodec';
import { readSealedRows } from '../db/backupRows';
import { BackupError, backupContentsSchema, type BackupContents } from './envelope';
import { openForBackup } from './open-rows';

export const SEALED_COPY_FORMAT = 'mesa-intake-sealed-copy';
const storedRowSchema = z.looseObject({});

/** The file: readable header, the key record, and the rows as IndexedDB held them. */
export const sealedCopySchema = z.object({
  format: z.literal(SEALED_COPY_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  keyRecord: keyRecordSchema,
  applications: z.array(storedRowSchema),
  outbox: z.array(storedRowSchema),
});

/** The sealed copy's text and how many records it holds; needs no key, so it works while locked. */
export async function makeSealedCopy(db: MesaDb, now: Date = new Date()): Promise<{ text: string; records: number }> {
  const stored = await readSealedRows(db);
  const copy = {
    format: SEALED_COPY_FORMAT,
    version: 1 as const,
    createdAt: now.toISOString(),
    keyRecord: keyRecordSchema.parse(stored.keyRecord),
    applications: stored.applications,
    outbox: stored.outbox,
  };
  return { text: JSON.stringify(copy), records: copy.applications.length };
}

/** True when `text` is a sealed copy rather than a backup file (decided on the header alone). */
export function isSealedCopy(text: string): boolean {
  try {
    return z.object({ format: z.literal(SEALED_COPY_FORMAT) }).safeParse(JSON.parse(text)).success;
  } catch {
    // Not JSON at all: certainly not a sealed copy; the backup reader says what it is.
    return false;
  }
}

/**
 * Opens a sealed copy with the passphrase it was locked with. WrongPassphraseError
 * when it does not fit; BackupError when the file is not a sealed copy. Nothing is written.
 */
export async function openSealedCopy(text: string, passphrase: string): Promise<BackupContents> {
  const file = sealedCopySchema.safeParse(JSON.parse(text));
  if (!file.success) throw new BackupError('not_a_backup', 'This file is not a sealed copy this app can read.');
  const codec = sealedRows(await unlockKey(passphrase, file.data.keyRecord));
  // A row that will not open or fails its schema is carried as set aside, as a backup file carries it:
  // one bad row never keeps the rest of the copy from coming back.
  return backupContentsSchema.parse(await openForBackup(codec, file.data.applications, file.data.outbox));
}
