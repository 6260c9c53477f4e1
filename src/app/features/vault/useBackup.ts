/**
 * The backup screen's actions: export every unsynced record into one file
 * encrypted with a passphrase typed for it, and import such a file. Records are
 * read and written through the vault's key (they are sealed at rest).
 */
import { useCallback } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { exportBackup, importBackup, type ImportReport } from '../../backup/store';
import { sealedRows } from '../../db/rowCodec';

/** The file name of an export made at `now`, e.g. mesa-backup-2025-09-15-1042.json. */
export function backupFileName(now: Date, prefix = 'mesa-backup'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

/** Export and import, for the backup screen. */
export function useBackup(): {
  exportFile: (passphrase: string) => Promise<{ file: File; records: number; setAside: number }>;
  importFile: (file: Blob, passphrase: string) => Promise<ImportReport>;
} {
  const { store } = useServices();
  const exportFile = useCallback(
    async (passphrase: string) => {
      const now = new Date();
      const { text, records, setAside } = await exportBackup(store.db, passphrase, { codec: sealedRows(store.vault.key()), now });
      return { file: new File([text], backupFileName(now), { type: 'application/json' }), records, setAside };
    },
    [store],
  );
  const importFile = useCallback(
    async (file: Blob, passphrase: string) => importBackup(store.strictDb, await file.text(), passphrase, sealedRows(store.vault.key())),
    [store],
  );
  return { exportFile, importFile };
}
