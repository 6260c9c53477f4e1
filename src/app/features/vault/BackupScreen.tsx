import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import { IdleLockSetting } from './IdleLockSetting';
import { ScreenTitle } from '../../components/ScreenTitle';
import { BackupError } from '../../backup/envelope';
import type { ImportReport } from '../../backup/store';
import { CryptoError } from '../../crypto/errors';
import { useBackup } from './useBackup';
import { download } from '../../services/download';
import { Link } from '../../components/Link';

type Outcome = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | null;

function describe(error: unknown): string {
  if (error instanceof CryptoError || error instanceof BackupError) return error.message;
  return 'Something went wrong; nothing was changed. Try again.';
}

function describeImport(report: ImportReport): string {
  return `Import finished: ${report.added} added, ${report.replaced} replaced, ${report.skipped} skipped (already here).`;
}

/**
 * Insurance against a cleared browser or Safari's 7-day eviction: every unsynced
 * record into one encrypted file, and that file back onto this or another tablet.
 */
export function BackupScreen() {
  const { exportFile, importFile } = useBackup();
  const [exportPass, setExportPass] = useState('');
  const [importPass, setImportPass] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [exported, setExported] = useState<Outcome>(null);
  const [imported, setImported] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const onExport = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await exportFile(exportPass);
      download(result.file);
      // Rows set aside as unreadable go into the file as they were read; say so, since they are not counted as records.
      const aside = result.setAside === 0 ? '' : `, with ${result.setAside} that ${result.setAside === 1 ? 'needs' : 'need'} fixing as ${result.setAside === 1 ? 'it was' : 'they were'} read`;
      setExported({ kind: 'ok', message: `Saved ${result.records} unsynced ${result.records === 1 ? 'record' : 'records'}${aside} to ${result.file.name}.` });
    } catch (error) {
      setExported({ kind: 'error', message: describe(error) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setImported({ kind: 'error', message: 'Choose a backup file first.' });
      return;
    }
    setBusy(true);
    try {
      setImported({ kind: 'ok', message: describeImport(await importFile(file, importPass)) });
    } catch (error) {
      setImported({ kind: 'error', message: describe(error) });
    } finally {
      setBusy(false);
    }
  };

  const outcome = (result: Outcome) =>
    result && (
      <p class={result.kind === 'ok' ? 'notice' : 'notice notice-error'} role={result.kind === 'ok' ? 'status' : 'alert'}>
        {result.message}
      </p>
    );

  return (
    <section class="screen screen-narrow" aria-labelledby="screen-title">
      <ScreenTitle>Backup</ScreenTitle>
      <form class="stack-form" onSubmit={onExport} noValidate>
        <h2>Export unsynced records</h2>
        <p class="hint">One encrypted file with every record not yet on the server. Keep the file and its passphrase apart.</p>
        <label for="backup-export-pass">Passphrase for the file</label>
        <input id="backup-export-pass" type="password" autoComplete="new-password" value={exportPass} onInput={(e) => setExportPass(e.currentTarget.value)} />
        {outcome(exported)}
        <button type="submit" class="button button-primary" disabled={busy}>
          Export unsynced records
        </button>
      </form>
      <form class="stack-form" onSubmit={onImport} noValidate>
        <h2>Import backup file</h2>
        <p class="hint">
          Records already on this tablet at the same or a newer version are skipped, so importing twice adds nothing. A sealed copy saved before a
          passphrase reset opens here with the old passphrase.
        </p>
        <label for="backup-file">Backup file</label>
        <input id="backup-file" type="file" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <label for="backup-import-pass">Passphrase of the file</label>
        <input id="backup-import-pass" type="password" autoComplete="off" value={importPass} onInput={(e) => setImportPass(e.currentTarget.value)} />
        {outcome(imported)}
        <button type="submit" class="button button-primary" disabled={busy}>
          Import backup file
        </button>
      </form>
      <IdleLockSetting />
      <h2>Passphrase</h2>
      <p>
        <Link href={paths.passphrase()} class="button">
          Change passphrase
        </Link>
      </p>
    </section>
  );
}
