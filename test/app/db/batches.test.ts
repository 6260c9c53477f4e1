/**
 * A batch keeps the fields its second keyer types as the center set them when
 * it started (issue 10): a setting changed while the stack is typed never
 * changes a batch in progress, and a batch stored before the center could add
 * fields reads as the required four.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchVerifiedFields, createBatch, getBatch } from '../../../src/app/db/batches';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { META } from '../../../src/app/db/meta';
import type { AddableVerifiedField } from '../../../src/shared/verification-record';
import { openTestStore } from '../harness';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

const centerVerifying = (fields: AddableVerifiedField[]) =>
  store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy: 'default', requiredSince: null, fields } } });
const newBatch = () => createBatch(store.db, { schoolId: 's1', programYear: '2025-26', sheetCount: 3, defaults: {}, verify: true });

describe('the fields a batch verifies', () => {
  it('are the required four and what the center added when the batch started, kept when the setting changes later', async () => {
    await centerVerifying(['phone', 'schoolStudentId']);
    const batch = await newBatch();
    await centerVerifying([]);
    const stored = await getBatch(store.db, batch.id);
    expect(batchVerifiedFields(stored!)).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth', 'schoolStudentId', 'phone']);
    expect(batchVerifiedFields((await newBatch()))).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth']);
  });

  it('are the required four on a batch stored before centers could add fields, and before the first pull', async () => {
    const batch = await newBatch();
    await store.db.batches.update(batch.id, { addedVerifiedFields: undefined });
    expect(batchVerifiedFields((await getBatch(store.db, batch.id))!)).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth']);
  });
});
