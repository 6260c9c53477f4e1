/**
 * Backup files: export the unsynced records, and import a file by the merge
 * rule. Crypto never runs inside a Dexie transaction (a WebCrypto await would
 * end it), so an import plans and encrypts from a snapshot, then writes only if
 * the snapshot still holds (db/backupRows.ts).
 */
import type { MesaDb } from '../db/schema';
import { readImportSnapshot, readUnsyncedRows, writeImportIfUnchanged } from '../db/backupRows';
import { rememberRestoredBackup } from '../db/meta';
import { plainRows, type RowCodec } from '../db/rowCodec';
import { BackupError, decryptBackup, encryptBackup } from './envelope';
import { planImport } from './merge';
import { isSealedCopy, openSealedCopy } from './sealed-copy';
import { openForBackup } from './open-rows';

const MAX_IMPORT_ATTEMPTS = 3;
/** Used before the sync engine has made this tablet's id: the file must still be writable. */
const UNREGISTERED_DEVICE = 'unregistered-device';

export interface ExportOptions {
  /** How rows are stored: plainRows today, sealedRows(vault.key()) once encryption at rest is on. */
  codec?: RowCodec;
  iterations?: number;
  now?: Date;
}

/** The encrypted backup file of every unsynced record and its outbox rows, and how many records and set-aside rows it holds. */
export async function exportBackup(db: MesaDb, passphrase: string, options: ExportOptions = {}): Promise<{ text: string; records: number; setAside: number }> {
  const codec = options.codec ?? plainRows;
  const { apps, rows, deviceId } = await readUnsyncedRows(db);
  // A row that fails its schema goes into the file as it was read, and never stops the export.
  const contents = await openForBackup(codec, apps, rows);
  const text = await encryptBackup(contents, passphrase, { deviceId: deviceId ?? UNREGISTERED_DEVICE, now: options.now, iterations: options.iterations });
  return { text, records: contents.applications.length, setAside: contents.setAside?.length ?? 0 };
}

/** What an import did, for the advisor. */
export interface ImportReport {
  added: number;
  replaced: number;
  skipped: number;
  queued: number;
}

/**
 * Imports a backup file, or a sealed copy saved before a passphrase reset (opened
 * with the old passphrase): wrong passphrase, altered file or invalid contents
 * throw before anything is written; otherwise merges by the rule in merge.ts,
 * so importing the same file twice adds nothing the second time.
 */
export async function importBackup(db: MesaDb, text: string, passphrase: string, codec: RowCodec = plainRows): Promise<ImportReport> {
  const sealedCopy = isSealedCopy(text);
  const { envelope, contents } = sealedCopy ? { envelope: null, contents: await openSealedCopy(text, passphrase) } : await decryptBackup(text, passphrase);
  const ids = contents.applications.map((app) => app.id);
  for (let attempt = 1; attempt <= MAX_IMPORT_ATTEMPTS; attempt++) {
    const before = await readImportSnapshot(db, ids);
    const plan = planImport(contents, before.local, before.nextMutationId, before.queued);
    const apps = await Promise.all([...plan.added, ...plan.replaced].map((app) => codec.writeApplication(app)));
    const rows = await Promise.all(plan.outbox.map((row) => codec.writeOutbox(row)));
    const written = await writeImportIfUnchanged(db, ids, before, { apps, outbox: rows, nextMutationId: plan.nextMutationId });
    if (written) {
      // The unsent reports name this file from now on: the center learns whose records came back.
      if (envelope) await rememberRestoredBackup(db, { deviceId: envelope.deviceId, madeAt: envelope.createdAt });
      return { added: plan.added.length, replaced: plan.replaced.length, skipped: plan.skipped.length, queued: plan.outbox.length };
    }
  }
  throw new BackupError('busy', 'Records changed on this tablet while the backup was being imported. Import the file again.');
}
