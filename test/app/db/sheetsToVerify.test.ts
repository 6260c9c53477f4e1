/**
 * Sheets pulled for a second keyer (db/sheetsToVerify.ts) are pupil data of
 * their center, sealed with this vault's key: they go when another center's
 * advisor signs in here and when a forgotten passphrase is reset, like the
 * roster. Nothing is lost: the server holds them and the next sync brings them.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import type { StoredSession } from '../../../src/app/db/meta';
import { storeSignIn } from '../../../src/app/db/session';
import { batchVerifiedFields, getBatch } from '../../../src/app/db/batches';
import { storeSheetsToVerify } from '../../../src/app/db/sheetsToVerify';
import { uuidv7 } from '../../../src/shared/ids';
import type { VerifyQueueResponse } from '../../../src/shared/protocol';
import { confirmedApplicationSchema } from '../../../src/shared/application';
import { completeFields, openTestStore } from '../harness';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

const session = (centerId: string): StoredSession => ({
  token: 't', expiresAt: '2030-01-01T00:00:00Z', expired: false, user: { id: 'u1', email: 'a@example.org', centerId, name: 'A', role: 'advisor' },
});

/** One stack of two sheets another tablet typed. */
function queue(): VerifyQueueResponse {
  const sheet = (n: number) => ({
    recordId: uuidv7(), studentId: uuidv7(), sheet: n, serverVersion: 1,
    application: confirmedApplicationSchema.parse(completeFields({ ssid: `203847561${n}` })), confirmedAt: '2026-11-30T10:00:00.000Z',
    enteredBy: { id: uuidv7(), name: 'Demo Advisor' },
  });
  return { batches: [{ batchId: uuidv7(), sheets: [sheet(1), sheet(2)] }] };
}

describe('sheets pulled for a second keyer', () => {
  it('stay when the same center’s advisor signs in again, and go when another center’s does', async () => {
    await storeSignIn(store.db, session('c1'));
    expect(await storeSheetsToVerify(store.db, queue())).toBe(2);
    await storeSignIn(store.db, session('c1'));
    expect(await store.db.sheetsToVerify.count()).toBe(2);
    await storeSignIn(store.db, session('c2'));
    expect(await store.db.sheetsToVerify.count()).toBe(0);
  });

  it('make a batch that verifies the fields the first tablet’s batch added to the four, and the four alone from a server before them', async () => {
    const added = { batches: queue().batches.map((b) => ({ ...b, fields: ['schoolStudentId' as const, 'phone' as const] })) };
    const older = queue();
    await storeSheetsToVerify(store.db, added);
    await storeSheetsToVerify(store.db, older);
    const keyed = await getBatch(store.db, added.batches[0]!.batchId);
    expect(keyed).toMatchObject({ verify: true, typedElsewhere: true, addedVerifiedFields: ['schoolStudentId', 'phone'] });
    expect(batchVerifiedFields(keyed!)).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth', 'schoolStudentId', 'phone']);
    expect(batchVerifiedFields((await getBatch(store.db, older.batches[0]!.batchId))!)).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth']);
  });

  it('go with the rest of the sealed data when a forgotten passphrase is reset', async () => {
    expect(await storeSheetsToVerify(store.db, queue())).toBe(2);
    await store.vault.reset();
    expect(await store.db.sheetsToVerify.count()).toBe(0);
  });
});
