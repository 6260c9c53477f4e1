import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupEnvelopeSchema } from '../../../src/app/backup/envelope';
import { exportBackup, importBackup } from '../../../src/app/backup/store';
import { base64ToBytes, bytesToBase64 } from '../../../src/app/crypto/base64';
import { WeakPassphraseError, WrongPassphraseError } from '../../../src/app/crypto/errors';
import { DEFAULT_ITERATIONS } from '../../../src/app/crypto/keys';
import { plainRows, sealedRows } from '../../../src/app/db/rowCodec';
import { isSealedRow } from '../../../src/app/crypto/sealed-fields';
import { MesaDb, type OutboxRow } from '../../../src/app/db/schema';
import { application, outboxRow, randomKey, TEST_ITERATIONS } from './helpers';

const FILE_PASSPHRASE = 'blue heron at dawn';
const options = { iterations: TEST_ITERATIONS, now: new Date('2026-03-02T10:00:00Z') };
let counter = 0;
let source: MesaDb;
let target: MesaDb;

beforeEach(async () => {
  counter++;
  source = new MesaDb(`backup-source-${counter}`);
  target = new MesaDb(`backup-target-${counter}`);
  await source.meta.put({ key: 'deviceId', value: '0190a000-0000-7000-8000-00000000d001' });
});

afterEach(async () => {
  for (const db of [source, target]) {
    db.close();
    await db.delete();
  }
});

/** A tablet with a draft, a queued record with two outbox rows, and a synced one. */
async function fillSource() {
  const draft = application({ status: 'draft' });
  const queued = application({ status: 'queued', version: 2 });
  const synced = application({ status: 'synced', serverVersion: 1 });
  await source.applications.bulkAdd([draft, queued, synced]);
  await source.outbox.bulkAdd([outboxRow({ ...queued, version: 1 }, 1), outboxRow(queued, 2)]);
  await source.meta.put({ key: 'nextMutationId', value: 3 });
  return { draft, queued, synced };
}

function tamper(text: string, field: 'payload' | 'check'): string {
  const envelope = backupEnvelopeSchema.parse(JSON.parse(text));
  const bytes = base64ToBytes(envelope[field].data);
  bytes[10] = bytes[10]! ^ 0xff;
  return JSON.stringify({ ...envelope, [field]: { ...envelope[field], data: bytesToBase64(bytes) } });
}

describe('backup file', () => {
  it('exports only unsynced records, with pupil data unreadable in the file', async () => {
    await fillSource();
    const { text, records } = await exportBackup(source, FILE_PASSPHRASE, options);
    expect(records).toBe(2);
    const envelope = backupEnvelopeSchema.parse(JSON.parse(text));
    expect(envelope).toMatchObject({ format: 'mesa-intake-backup', version: 1, createdAt: '2026-03-02T10:00:00.000Z' });
    expect(envelope.kdf.iterations).toBe(TEST_ITERATIONS);
    for (const secret of ['Reyes', '1234567890', '2011-04-02']) expect(text).not.toContain(secret);
  });

  it('defaults new files to the production work factor', async () => {
    await source.applications.add(application());
    const { text } = await exportBackup(source, FILE_PASSPHRASE, { now: options.now });
    expect(backupEnvelopeSchema.parse(JSON.parse(text)).kdf.iterations).toBeGreaterThanOrEqual(DEFAULT_ITERATIONS);
  });

  it('refuses a weak file passphrase', async () => {
    await expect(exportBackup(source, 'short', options)).rejects.toBeInstanceOf(WeakPassphraseError);
  });

  it('imports on another tablet: records as they were, outbox rows renumbered after its own', async () => {
    const { draft, queued } = await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    await target.meta.put({ key: 'nextMutationId', value: 40 });

    expect(await importBackup(target, text, FILE_PASSPHRASE)).toEqual({ added: 2, replaced: 0, skipped: 0, queued: 2 });
    expect(await target.applications.get(draft.id)).toEqual(draft);
    expect(await target.applications.get(queued.id)).toEqual(queued);
    const rows = await target.outbox.toArray();
    expect(rows.map((r) => [r.mutationId, r.version, (r as OutboxRow).mutation.mutationId])).toEqual([[40, 1, 40], [41, 2, 41]]);
    expect((await target.meta.get('nextMutationId'))?.value).toBe(42);
  });

  it('importing the same file twice creates no duplicates', async () => {
    await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    await importBackup(target, text, FILE_PASSPHRASE);
    expect(await importBackup(target, text, FILE_PASSPHRASE)).toEqual({ added: 0, replaced: 0, skipped: 2, queued: 0 });
    expect(await target.applications.count()).toBe(2);
    expect(await target.outbox.count()).toBe(2);
  });

  it('skips records that have synced since the file was made', async () => {
    const { queued } = await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    await source.outbox.clear();
    await source.applications.update(queued.id, { status: 'synced', serverVersion: 2 });

    expect(await importBackup(source, text, FILE_PASSPHRASE)).toMatchObject({ added: 0, skipped: 2, queued: 0 });
    expect(await source.outbox.count()).toBe(0);
    expect((await source.applications.get(queued.id))?.status).toBe('synced');
  });

  it('refuses a wrong passphrase clearly and writes nothing', async () => {
    await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    await expect(importBackup(target, text, 'green heron at dusk')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await target.applications.count()).toBe(0);
  });

  it('refuses a file with a flipped byte as altered, and writes nothing', async () => {
    await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    const error = await importBackup(target, tamper(text, 'payload'), FILE_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ code: 'tampered', message: expect.stringMatching(/changed or damaged/) });
    expect(await target.applications.count()).toBe(0);
    expect(await target.outbox.count()).toBe(0);
  });

  it('refuses a file whose envelope dates were edited as altered', async () => {
    await fillSource();
    const { text } = await exportBackup(source, FILE_PASSPHRASE, options);
    const edited = JSON.stringify({ ...JSON.parse(text), createdAt: '2026-03-09T10:00:00.000Z' });
    await expect(importBackup(target, edited, FILE_PASSPHRASE)).rejects.toMatchObject({ code: 'tampered' });
  });

  it.each([
    ['not JSON', 'hello'],
    ['some other JSON', '{"name":"spreadsheet"}'],
    ['a newer format version', JSON.stringify({ format: 'mesa-intake-backup', version: 2 })],
  ])('refuses %s as not a backup', async (_name, text) => {
    await expect(importBackup(target, text, FILE_PASSPHRASE)).rejects.toMatchObject({ code: 'not_a_backup' });
  });

  it('round-trips between tablets that store sealed rows', async () => {
    const sourceKey = await randomKey();
    const targetKey = await randomKey();
    const app = application({ status: 'queued' });
    await source.table('applications').add(await sealedRows(sourceKey).writeApplication(app));
    await source.table('outbox').add(await sealedRows(sourceKey).writeOutbox(outboxRow(app, 1)));

    const { text } = await exportBackup(source, FILE_PASSPHRASE, { ...options, codec: sealedRows(sourceKey) });
    await importBackup(target, text, FILE_PASSPHRASE, sealedRows(targetKey));

    const [stored] = await target.table('applications').toArray();
    expect(isSealedRow(stored)).toBe(true);
    expect(await sealedRows(targetKey).readApplication(stored)).toEqual(app);
    const [row] = await target.outbox.toArray();
    expect(await sealedRows(targetKey).readOutbox(row!)).toMatchObject({ mutationId: 1, recordId: app.id });
    // A plain reader cannot make sense of sealed rows: the codec is not optional once sealed.
    await expect(plainRows.readApplication(stored)).rejects.toThrow();
  });
});
