import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SealBrokenError } from '../../../src/app/crypto/errors';
import { sealPlainRows, sealPlainRowsOnce } from '../../../src/app/db/sealPlainRows';
import {
  isSealedRow,
  openApplication,
  openOutboxRow,
  sealApplication,
  sealMutation,
  sealOutboxRow,
  type StoredApplication,
} from '../../../src/app/crypto/sealed-fields';
import { seal } from '../../../src/app/crypto/seal';
import { mutationFor } from '../../../src/app/db/mutations';
import { MesaDb, type LocalApplication } from '../../../src/app/db/schema';
import { REQUIRED_VERIFIED_FIELDS, type Verification } from '../../../src/shared/verification-record';
import { application, outboxRow, randomKey } from './helpers';

describe('sealed application fields', () => {
  it('round-trips an application, keeping index columns plain and pupil data sealed', async () => {
    const key = await randomKey();
    const app = application({
      batchId: 'batch-1',
      status: 'rejected',
      serverReason: { code: 'invalid', message: 'Reyes: date of birth' },
    });
    const stored = await sealApplication(key, app);
    expect(stored).toMatchObject({
      id: app.id, studentId: app.studentId, batchId: 'batch-1', status: 'rejected', version: 1,
      serverVersion: null, schoolId: 'school-1', createdAt: app.createdAt, updatedAt: app.updatedAt,
    });
    const text = JSON.stringify(stored);
    for (const secret of ['Ana', 'Reyes', '2011-04-02', '1234567890']) expect(text).not.toContain(secret);
    expect(await openApplication(key, stored)).toEqual(app);
  });

  it('seals a second keyer’s verification with the record, and sends it with the confirmed version', async () => {
    const key = await randomKey();
    const at = new Date(1_760_000_000_000).toISOString();
    const plain = application();
    const verification: Verification = {
      enteredBy: 'u-first', verifiedBy: 'u-second', signedInAs: 'u-first', verifiedAt: at,
      fields: REQUIRED_VERIFIED_FIELDS.map((field) => {
        const value = plain.fields[field];
        // The first keyer misread the SSID; the paper settled it for the second keyer.
        return field === 'ssid'
          ? { field, first: '7777777777', second: value, third: value, value, by: 'u-second', at }
          : { field, first: value, second: value, value, by: 'u-second', at };
      }),
    };
    const app = application({ status: 'confirmed', verification });
    const stored = await sealApplication(key, app);
    const text = JSON.stringify(stored);
    for (const secret of ['7777777777', 'u-second']) expect(text).not.toContain(secret);
    expect(await openApplication(key, stored)).toEqual(app);
    const sent = mutationFor(app, { confirmedAt: at, sendToReview: false });
    expect(sent.success && sent.data.verification).toEqual(verification);
    expect(mutationFor(application(), { confirmedAt: at, sendToReview: false }).data).not.toHaveProperty('verification');
  });

  it('keeps the keyings of fields a center added in a sheet held for a second look, and opens one held before them', async () => {
    const key = await randomKey();
    const keyers = { enteredBy: 'u-first', verifiedBy: 'u-second', signedInAs: 'u-first' };
    const four = { ssid: '1234567890', firstName: 'Ana', lastName: 'Reyes', dateOfBirth: '2011-04-02' };
    const added = application({
      secondLook: [{ field: 'phone', values: ['4085550100', '4085550124', '4085550142'] }],
      heldKeyings: { second: { ...four, phone: '408 555 0124', schoolStudentId: 'LA4471X2' }, third: { phone: '408-555-0100' }, keyers, at: new Date(0).toISOString() },
    });
    expect(await openApplication(key, await sealApplication(key, added))).toEqual(added);
    const before = application({ secondLook: [{ field: 'ssid', values: ['1234567809', '1234567890', '1234567800'] }], heldKeyings: { second: four, third: { ssid: '1234567800' }, keyers, at: new Date(0).toISOString() } });
    expect(await openApplication(key, await sealApplication(key, before))).toEqual(before);
  });

  it('refuses a sealed blob swapped onto another record', async () => {
    const key = await randomKey();
    const ana = await sealApplication(key, application());
    const ben = await sealApplication(key, application({ fields: { ...application().fields, firstName: 'Ben' } }));
    const swapped: StoredApplication = { ...ben, sealed: ana.sealed };
    await expect(openApplication(key, swapped)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses a blob whose contents do not match the application schema', async () => {
    const key = await randomKey();
    const stored = await sealApplication(key, application());
    const wrongShape = { ...stored, sealed: await seal(key, { fields: { firstName: 3 } }, `applications/${stored.id}`) };
    await expect(openApplication(key, wrongShape)).rejects.toThrow();
  });

  it('round-trips an outbox row with its mutation sealed and bound to its record and version', async () => {
    const key = await randomKey();
    const row = outboxRow(application({ status: 'queued' }), 7);
    const stored = await sealOutboxRow(key, row);
    expect(JSON.stringify(stored)).not.toContain('Reyes');
    expect(stored).toMatchObject({ mutationId: 7, recordId: row.recordId, version: 1, attempts: 0 });
    expect(await openOutboxRow(key, stored)).toEqual(row);
    await expect(openOutboxRow(key, { ...stored, version: 2 })).rejects.toBeInstanceOf(SealBrokenError);
    await expect(openOutboxRow(key, { ...stored, recordId: application().id })).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('seals a mutation before its id is known; the row key supplies the id when opened', async () => {
    const key = await randomKey();
    const { mutation } = outboxRow(application({ status: 'queued' }), 1);
    // A stale id the caller still carries is not sealed: only the row's key counts.
    const stale = { ...mutation, mutationId: 999 };
    const sealed = await sealMutation(key, stale);
    const stored = { mutationId: 12, recordId: mutation.recordId, version: mutation.version, createdAt: 0, attempts: 0, sealed };
    expect((await openOutboxRow(key, stored)).mutation).toEqual({ ...mutation, mutationId: 12 });
  });
});

/** Lands `write` after a sealing pass has read the outbox, its last read before it seals and writes; returns the undo. */
function writeDuringPass(db: MesaDb, write: () => Promise<unknown>): () => void {
  const read = db.outbox.toArray.bind(db.outbox);
  db.outbox.toArray = (async () => {
    const rows = await read();
    await write();
    return rows;
  }) as typeof db.outbox.toArray;
  return () => {
    db.outbox.toArray = read;
  };
}

describe('sealing plain rows after unlock', () => {
  it('seals every plain application and outbox row once, and they open to what they were', async () => {
    const db = new MesaDb('sealed-fields-migrate');
    const key = await randomKey();
    const apps = [application(), application({ status: 'queued' })];
    const rows = [outboxRow(apps[1]!, 1)];
    await db.applications.bulkAdd(apps);
    await db.outbox.bulkAdd(rows);

    expect(await sealPlainRows(db, key)).toEqual({ applications: 2, outbox: 1, roster: 0, left: 0 });
    expect(await sealPlainRows(db, key)).toEqual({ applications: 0, outbox: 0, roster: 0, left: 0 });

    const stored = await db.table<StoredApplication, string>('applications').toArray();
    expect(stored.every((row) => isSealedRow(row))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Reyes');
    const opened = await Promise.all(stored.map((row) => openApplication(key, row)));
    expect(opened.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...apps].sort((a, b) => a.id.localeCompare(b.id)));
    // The plain index columns still answer queries.
    expect(await db.applications.where('status').equals('queued').count()).toBe(1);
    db.close();
    await db.delete();
  });

  it('never writes over a record edited, or brings back an outbox row removed, while it sealed them, and notes nothing until every row is sealed', async () => {
    const db = new MesaDb('sealed-fields-meanwhile');
    const key = await randomKey();
    const typed = application({ status: 'queued' });
    const edited: LocalApplication = { ...typed, version: typed.version + 1, updatedAt: typed.updatedAt + 1, fields: { ...typed.fields, lastName: 'Edited' } };
    await db.applications.add(typed);
    await db.outbox.add(outboxRow(typed, 1));
    // The pass has read both stores when the advisor's edit is saved and a push answer clears the queued row.
    const undo = writeDuringPass(db, async () => {
      await db.applications.put(edited);
      await db.outbox.delete(1);
    });

    expect(await sealPlainRowsOnce(db, key)).toEqual({ applications: 0, outbox: 0, roster: 0, left: 2 });
    expect(await db.applications.get(typed.id)).toEqual(edited);
    expect(await db.outbox.count()).toBe(0);

    // The edit left a row plain, so the next unlock looks again, seals it, and only then notes the stores sealed.
    undo();
    expect(await sealPlainRowsOnce(db, key)).toEqual({ applications: 1, outbox: 0, roster: 0, left: 0 });
    expect(await sealPlainRowsOnce(db, key)).toBeNull();
    const stored = await db.table<StoredApplication, string>('applications').get(typed.id);
    expect(isSealedRow(stored!)).toBe(true);
    expect(await openApplication(key, stored!)).toEqual(edited);
    db.close();
    await db.delete();
  });

  it('keeps a push answer that lands on a record while it is being sealed (status and server version change, nothing else)', async () => {
    const db = new MesaDb('sealed-fields-answer-meanwhile');
    const key = await randomKey();
    const queued = application({ status: 'queued', serverVersion: null });
    const answered: LocalApplication = { ...queued, status: 'synced', serverVersion: 1 };
    await db.applications.add(queued);
    const undo = writeDuringPass(db, () => db.applications.put(answered));

    expect(await sealPlainRows(db, key)).toMatchObject({ applications: 0, left: 1 });
    expect(await db.applications.get(queued.id)).toEqual(answered);
    undo();
    expect(await sealPlainRows(db, key)).toMatchObject({ applications: 1, left: 0 });
    const stored = await db.table<StoredApplication, string>('applications').get(queued.id);
    expect(await openApplication(key, stored!)).toEqual(answered);
    db.close();
    await db.delete();
  });

  it('keeps an outbox row rewritten while it is being sealed (a failed send counts an attempt on it)', async () => {
    const db = new MesaDb('sealed-fields-rewrite-meanwhile');
    const key = await randomKey();
    const queued = outboxRow(application({ status: 'queued' }), 2);
    const counted = { ...queued, attempts: 1 };
    await db.outbox.add(queued);
    const undo = writeDuringPass(db, () => db.outbox.put(counted));

    expect(await sealPlainRows(db, key)).toMatchObject({ outbox: 0, left: 1 });
    expect(await db.outbox.get(2)).toEqual(counted);
    undo();
    expect(await sealPlainRows(db, key)).toMatchObject({ outbox: 1, left: 0 });
    const sealed = await db.outbox.get(2);
    expect(isSealedRow(sealed!)).toBe(true);
    expect(sealed).toMatchObject({ attempts: 1 });
    db.close();
    await db.delete();
  });

  it('reads the stores on later unlocks only until a pass has found every row sealed under this schema version', async () => {
    const db = new MesaDb('sealed-fields-once');
    const key = await randomKey();
    const first = application();
    await db.applications.add(first);

    expect(await sealPlainRowsOnce(db, key)).toEqual({ applications: 1, outbox: 0, roster: 0, left: 0 });
    // Nothing this version writes is plain: the next unlock does not read every row again.
    expect(await sealPlainRowsOnce(db, key)).toBeNull();

    // A newer schema version (here: the note of an older one) looks once more, and seals what it finds.
    const second = application();
    await db.applications.add(second);
    await db.meta.put({ key: 'allSealedAt', value: db.verno - 1 });
    expect(await sealPlainRowsOnce(db, key)).toEqual({ applications: 1, outbox: 0, roster: 0, left: 0 });
    expect(await sealPlainRowsOnce(db, key)).toBeNull();
    const stored = await db.table<StoredApplication, string>('applications').toArray();
    expect(stored.every((row) => isSealedRow(row))).toBe(true);
    expect(await Promise.all(stored.map((row) => openApplication(key, row)))).toEqual(expect.arrayContaining([first, second]));
    db.close();
    await db.delete();
  });
});
