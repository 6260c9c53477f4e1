import 'fake-indexeddb/auto';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { findHeldSsid, findSsidHolder, hashSsid } from '../../../src/app/db/ssidLookup';
import { completeFields, openTestStore, seedRecord } from '../harness';

const KEY = '8f1c2a7e5b3d4c6e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

describe('who else holds an SSID', () => {
  it('hashes like the server: HMAC-SHA256 with the hex key, as hex', async () => {
    const expected = createHmac('sha256', Buffer.from(KEY, 'hex')).update('2038475610').digest('hex');
    expect(await hashSsid(KEY, '2038475610')).toBe(expected);
  });

  it('names another local record with the same number, even typed with spaces', async () => {
    await seedRecord(store, null, completeFields({ firstName: 'Ana', lastName: 'Diaz', ssid: '203 847 5610' }));
    expect(await findSsidHolder(store.db, '2038475610', { recordId: 'me', studentId: 'my-student' })).toBe('another record (Ana Diaz)');
  });

  it('does not flag the record itself or another application of the same student', async () => {
    const own = await seedRecord(store, null, completeFields());
    expect(await findSsidHolder(store.db, '2038475610', { recordId: own.id, studentId: 'x' })).toBeNull();
    expect(await findSsidHolder(store.db, '2038475610', { recordId: 'other', studentId: own.studentId })).toBeNull();
  });

  it('finds a rostered student by hash once the center key has been pulled', async () => {
    await store.db.roster.add({
      studentId: 'st-1', firstName: 'Luis', lastName: 'Ortega', dateOfBirth: '2011-01-01', grade: '8', schoolId: 's', schoolStudentId: '',
      ssidHash: await hashSsid(KEY, '3049586721'), ssidLast4: '6721', ssidSource: 'school_records', deleted: false,
    });
    expect(await findSsidHolder(store.db, '3049586721', { recordId: 'me', studentId: 'me' })).toBeNull();
    await store.db.meta.put({ key: 'ssidKey', value: KEY });
    expect(await findSsidHolder(store.db, '3049586721', { recordId: 'me', studentId: 'me' })).toMatch(/roster \(Luis Ortega\)/);
    expect(await findSsidHolder(store.db, '3049586721', { recordId: 'me', studentId: 'st-1' })).toBeNull();
  });

  it('does not call the roster’s student with the paper’s own name and birth date “another student”, but does one a letter apart', async () => {
    await store.db.roster.add({
      studentId: 'st-2', firstName: 'Ana', lastName: 'García-López', dateOfBirth: '2011-05-06', grade: '8', schoolId: 's', schoolStudentId: '',
      ssidHash: await hashSsid(KEY, '4059687132'), ssidLast4: '7132', ssidSource: 'school_records', deleted: false,
    });
    await store.db.meta.put({ key: 'ssidKey', value: KEY });
    const paper = { firstName: 'ANA', middleName: 'Maria', lastName: 'Garcia Lopez', dateOfBirth: '2011-05-06' };
    expect(await findSsidHolder(store.db, '4059687132', { recordId: 'me', studentId: 'me', identity: paper })).toBeNull();
    expect(await findSsidHolder(store.db, '4059687132', { recordId: 'me', studentId: 'me', identity: { ...paper, lastName: 'Garcia Lopes' } })).toMatch(/roster \(Ana García-López\)/);
    expect(await findSsidHolder(store.db, '4059687132', { recordId: 'me', studentId: 'me', identity: { ...paper, dateOfBirth: '2011-06-05' } })).toMatch(/roster/);
  });
});

describe('the center’s SSID for the student a paper names', () => {
  const paper = { firstName: 'Ana', middleName: '', lastName: 'Garcia Lopez', dateOfBirth: '2011-05-06' };

  beforeEach(async () => {
    await store.db.roster.add({
      studentId: 'st-2', firstName: 'Ana', lastName: 'García-López', dateOfBirth: '2011-05-06', grade: '8', schoolId: 's', schoolStudentId: '',
      ssidHash: await hashSsid(KEY, '4059687132'), ssidLast4: '7132', ssidSource: 'school_records', deleted: false,
    });
  });

  it('is found by the paper’s name and birth date when the paper’s SSID is another number, once the center key is pulled', async () => {
    expect(await findHeldSsid(store.db, '4059687123', paper)).toBeNull();
    await store.db.meta.put({ key: 'ssidKey', value: KEY });
    expect(await findHeldSsid(store.db, '4059687123', paper)).toEqual({ last4: '7132', source: 'school_records' });
  });

  it('is nothing when the paper agrees with the center or names someone else', async () => {
    await store.db.meta.put({ key: 'ssidKey', value: KEY });
    expect(await findHeldSsid(store.db, '4059687132', paper)).toBeNull();
    expect(await findHeldSsid(store.db, '4059687123', { ...paper, dateOfBirth: '2011-05-07' })).toBeNull();
  });
});
