// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupScreen } from '../../../../src/app/features/vault/BackupScreen';
import { closeStore, type Store } from '../../../../src/app/db/connection';
import { listApplications } from '../../../../src/app/db/applications';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { completeFields, openTestStore, seedRecord } from '../../harness';

const FILE_PASSPHRASE = 'backup file passphrase';
let source: Store;
let target: Store;
let downloads: Blob[];

beforeEach(async () => {
  source = await openTestStore();
  target = await openTestStore();
  downloads = [];
  // jsdom has no object URLs; the screen hands the file to the browser's download through one.
  URL.createObjectURL = (blob: Blob) => {
    downloads.push(blob);
    return 'blob:backup';
  };
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  closeStore(source);
  closeStore(target);
});

function renderBackup(store: Store) {
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <BackupScreen />
    </AppContext.Provider>,
  );
}

describe('the backup screen', () => {
  it('exports unsynced records to one file that another tablet imports once, however often it is imported', async () => {
    await seedRecord(source, null, completeFields({ firstName: 'Itzel' }));
    const exporting = renderBackup(source);
    fireEvent.input(screen.getByLabelText('Passphrase for the file'), { target: { value: FILE_PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Export unsynced records' }));
    await screen.findByText(/Saved 1 unsynced record to mesa-backup-/);
    expect(downloads).toHaveLength(1);
    const text = await downloads[0]!.text();
    expect(text).not.toContain('Itzel');
    exporting.unmount();

    renderBackup(target);
    const file = new File([text], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } });
    fireEvent.input(screen.getByLabelText('Passphrase of the file'), { target: { value: FILE_PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Import backup file' }));
    await screen.findByText('Import finished: 1 added, 0 replaced, 0 skipped (already here).');

    fireEvent.click(screen.getByRole('button', { name: 'Import backup file' }));
    await screen.findByText('Import finished: 0 added, 0 replaced, 1 skipped (already here).');
    expect((await listApplications(target.db)).map((r) => r.fields.firstName)).toEqual(['Itzel']);
  });

  it('says so when the file passphrase is wrong, and imports nothing', async () => {
    await seedRecord(source, null, completeFields());
    const exporting = renderBackup(source);
    fireEvent.input(screen.getByLabelText('Passphrase for the file'), { target: { value: FILE_PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Export unsynced records' }));
    await screen.findByText(/Saved 1 unsynced record/);
    const text = await downloads[0]!.text();
    exporting.unmount();

    renderBackup(target);
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [new File([text], 'backup.json')] } });
    fireEvent.input(screen.getByLabelText('Passphrase of the file'), { target: { value: 'not the file passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import backup file' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/passphrase is not right/);
    expect(await target.db.applications.count()).toBe(0);
  });
});
