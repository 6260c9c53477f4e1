/**
 * Opens stored application and outbox rows for a backup file or a sealed copy:
 * a row that will not open or fails its schema goes into the file's set-aside
 * list as it was read, and never stops the rest (design section 14).
 */
import type { RowCodec } from '../db/rowCodec';
import { applicationContext, outboxContext } from '../crypto/sealed-fields';
import { openSettled, type SetAsideRow } from '../db/setAside';
import type { BackupContents } from './envelope';

/** Stored rows as IndexedDB (or a sealed copy) holds them, before opening. */
type StoredRow = Record<string, unknown> & { id?: unknown; batchId?: unknown; mutationId?: unknown; recordId?: unknown; version?: unknown };

/** The opened rows and, apart, the ones set aside with what could be read of them. */
export async function openForBackup(codec: RowCodec, apps: readonly object[], rows: readonly object[]): Promise<BackupContents> {
  const applications = await openSettled(apps as StoredRow[], (row) => codec.readApplication(row));
  const outbox = await openSettled(rows as StoredRow[], (row) => codec.readOutbox(row));
  const setAside = await Promise.all([
    ...applications.aside.map(async ({ row, reason }): Promise<SetAsideRow> => ({
      table: 'applications', key: String(row.id), batchId: typeof row.batchId === 'string' ? row.batchId : null, reason,
      readable: await codec.readable(row, applicationContext(String(row.id))),
    })),
    ...outbox.aside.map(async ({ row, reason }): Promise<SetAsideRow> => ({
      table: 'outbox', key: String(row.mutationId), batchId: null, reason,
      readable: await codec.readable(row, outboxContext(String(row.recordId), Number(row.version))),
    })),
  ]);
  return { applications: applications.opened, outbox: outbox.opened, setAside };
}
