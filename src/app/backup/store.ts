/**
 * The database side of backup files: read the unsynced records for export,
 * and write an import's plan. Crypto never runs inside a Dexie transaction
 * (a WebCrypto await would end it), so an import plans and encrypts from a
 * snapshot, then writes only if the snapshot still holds.
 */
import { z } from 'zod';
import type { MesaDb } from '../db/schema';
import { NEXT_MUTATION_ID } from '../db/outbox';
import { plainRows, type RowCodec } from '../crypto/row-codec';
import { BackupError, decryptBackup, encryptBackup } from './envelope';
import { planImport, type LocalRecordState } from './merge';
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
  const { apps, rows, deviceId } = await db.transaction('r', db.applications, db.outbox, db.meta, async () => {
    // Only plain columns (id, status) are read here; the codec opens the rest.
    const apps = await db.applications.where('status').notEqual('synced').toArray();
    // Every queued row is unsynced: the application versions and the SSID updates alike.
    const rows = await db.outbox.toArray();
    const device = z.string().min(1).safeParse((await db.meta.get('deviceId'))?.value);
    return { apps, rows, deviceId: device.success ? device.data : UNREGISTERED_DEVICE };
  });
  // A row that fails its schema goes into the file as it was read, and never stops the export.
  const contents = await openForBackup(codec, apps, rows);
  const text = await encryptBackup(contents, passphrase, { deviceId, now: options.now, iterations: options.iterations });
  return { text, records: contents.applications.length, setAside: contents.setAside?.length ?? 0 };
}

/** What an import did, for the advisor. */
export interface ImportReport {
  added: number;
  replaced: number;
  skipped: number;
  queued: number;
}

interface Snapshot {
  local: Map<string, LocalRecordState>;
  /** Record ids this tablet's outbox already queues. */
  queued: Set<string>;
  nextMutationId: number;
}

/** Call inside a transaction over applications, outbox and meta. */
async function readSnapshot(db: MesaDb, ids: string[]): Promise<Snapshot> {
  const found = await db.applications.bulkGet(ids);
  const local = new Map<string, LocalRecordState>();
  for (const row of found) if (row) local.set(row.id, { version: row.version, status: row.status });
  const counter = z.number().int().positive().safeParse((await db.meta.get(NEXT_MUTATION_ID))?.value);
  // The counter should always be ahead of the outbox; never reuse an id if it is not.
  const lastQueued = (await db.outbox.orderBy('mutationId').lastKey()) ?? 0;
  const queued = new Set((await db.outbox.orderBy('recordId').uniqueKeys()).map(String));
  return { local, queued, nextMutationId: Math.max(counter.success ? counter.data : 1, Number(lastQueued) + 1) };
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.nextMutationId !== b.nextMutationId || a.local.size !== b.local.size || a.queued.size !== b.queued.size) return false;
  for (const [id, state] of a.local) {
    const other = b.local.get(id);
    if (!other || other.version !== state.version || other.status !== state.status) return false;
  }
  return true;
}

/**
 * Imports a backup file, or a sealed copy saved before a passphrase reset (opened
 * with the old passphrase): wrong passphrase, altered file or invalid contents
 * throw before anything is written; otherwise merges by the rule in merge.ts,
 * so importing the same file twice adds nothing the second time.
 */
export async function importBackup(db: MesaDb, text: string, passphrase: string, codec: RowCodec = plainRows): Promise<ImportReport> {
  const contents = isSealedCopy(text) ? await openSealedCopy(text, passphrase) : (await decryptBackup(text, passphrase)).contents;
  const ids = contents.applications.map((app) => app.id);
  const tables = [db.applications, db.outbox, db.meta];
  for (let attempt = 1; attempt <= MAX_IMPORT_ATTEMPTS; attempt++) {
    const before = await db.transaction('r', tables, () => readSnapshot(db, ids));
    const plan = planImport(contents, before.local, before.nextMutationId, before.queued);
    const apps = await Promise.all([...plan.added, ...plan.replaced].map((app) => codec.writeApplication(app)));
    const rows = await Promise.all(plan.outbox.map((row) => codec.writeOutbox(row)));
    const written = await db.transaction('rw', tables, async () => {
      if (!sameSnapshot(before, await readSnapshot(db, ids))) return false;
      // Rows are encoded by the codec; the tables' declared types follow the schema once it changes.
      await db.table('applications').bulkPut(apps);
      await db.table('outbox').bulkAdd(rows);
      await db.meta.put({ key: NEXT_MUTATION_ID, value: plan.nextMutationId });
      return true;
    });
    if (written) {
      return { added: plan.added.length, replaced: plan.replaced.length, skipped: plan.skipped.length, queued: plan.outbox.length };
    }
  }
  throw new BackupError('busy', 'Records changed on this tablet while the backup was being imported. Import the file again.');
}
