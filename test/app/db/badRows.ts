/** Rows of every kind that fail their schema, written straight into IndexedDB beside good ones (design section 14). */
import type { Store } from '../../../src/app/db/connection';
import { recordIndex } from '../../../src/app/db/records';
import { applicationContext } from '../../../src/app/crypto/sealed-fields';
import { seal } from '../../../src/app/crypto/seal';
import { completeFields, seedBatch, seedRecord } from '../harness';

/** A batch with two good records, and bad rows of every kind beside them. */
export async function writeBadRows(store: Store) {
  const batch = await seedBatch(store);
  const good = [
    await seedRecord(store, batch.id, completeFields({ lastName: 'Lopez' })),
    await seedRecord(store, batch.id, completeFields({ lastName: 'Nguyen', ssid: '4821937560' })),
  ];
  const key = recordIndex(store.db).key();
  const { fields, ssidRekey, serverReason, ...plain } = good[0]!;
  // The blocker: a birth date stored as year 30315, sealed as the app seals.
  const year30315 = { ...plain, id: 'app-30315', studentId: 'st-30315' };
  const badFields = { ...fields, lastName: 'Ramírez', dateOfBirth: '30315-03-15' };
  await store.db.applications.put({ ...year30315, sealed: await seal(key, { fields: badFields, ssidRekey, serverReason }, applicationContext('app-30315')) });
  // A plain row from before encryption at rest, with a status no version ever had.
  await store.db.applications.put({ ...plain, id: 'app-plain', fields, ssidRekey, serverReason, status: 'lost' } as never);
  // A seal moved from another record: it cannot be opened under this id.
  const moved = await seal(key, { fields, ssidRekey, serverReason }, applicationContext('elsewhere'));
  await store.db.applications.put({ ...plain, id: 'app-moved', sealed: moved });
  await store.db.batches.put({ ...batch, id: 'batch-bad', sheetCount: 'many' } as never);
  await store.db.outbox.put({ mutationId: 900, recordId: 'app-30315', version: 1, createdAt: 1, attempts: 0, mutation: { nonsense: true } } as never);
  await store.db.roster.put({ studentId: 'st-bad', schoolId: 'school-lincoln', ssidHash: null, deleted: false, firstName: 5 } as never);
  return { batch, good };
}

