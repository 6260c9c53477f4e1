/**
 * The roster's stored order (db/rosterOrder.ts): kept by every pulled page,
 * sealed, read back as the first screenful in the order the whole roster
 * sorts to, and rebuilt for a roster stored before the order existed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seal } from '../../../src/app/crypto/seal';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { readRoster, readRosterFirstScreenful } from '../../../src/app/db/roster';
import { keepRosterOrder, readRosterHead, ROSTER_HEAD, sealRosterOrder, writeRosterOrderIfUnchanged } from '../../../src/app/db/rosterOrder';
import type { StoredSession } from '../../../src/app/db/meta';
import { storeSignIn } from '../../../src/app/db/session';
import { pullAll } from '../../../src/app/sync/pull';
import { applyPullPage } from '../../../src/app/db/pulledPages';
import { compareRosterPlaces } from '../../../src/shared/roster-order';
import type { PullResponse, RosterEntry } from '../../../src/shared/protocol';
import { NO_VERIFICATION_POLICY } from '../../../src/shared/verification-policy';
import { openTestStore } from '../harness';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

function student(studentId: string, lastName: string, firstName: string, deleted = false): RosterEntry {
  return {
    studentId, firstName, lastName, dateOfBirth: '2011-04-17', grade: '7', schoolId: 'school-lincoln', schoolStudentId: '',
    ssidHash: null, ssidLast4: null, ssidSource: null, deleted,
  };
}

function page(checkpoint: string, roster: RosterEntry[], more = false): PullResponse {
  return {
    checkpoint, more, center: { id: 'c1', name: 'Center', verification: NO_VERIFICATION_POLICY }, ssidKey: 'ab'.repeat(32), schools: [], roster, advisors: [], verifiedElsewhere: [],
  };
}

const names = (entries: readonly { firstName: string; lastName: string }[] | null) => entries?.map((e) => `${e.lastName}, ${e.firstName}`);

/** The whole roster in its order, as the students screen sorts it. */
async function wholeInOrder() {
  return [...(await readRoster(store.db))].sort(compareRosterPlaces);
}

/** `count` students whose names sort in a shuffled order of their ids. */
function many(count: number, prefix: string): RosterEntry[] {
  return Array.from({ length: count }, (_, i) => student(`${prefix}-${i}`, `Last${String((i * 37) % count).padStart(3, '0')}`, prefix));
}

describe('the roster’s stored order', () => {
  it('is kept by each pulled page: new students at their place, a renamed one moved, a deleted one gone', async () => {
    await pullAll(store.db, async (checkpoint) =>
      checkpoint === null
        ? page('p1', [student('s1', 'Raman', 'Priya'), student('s2', 'García-López', 'Ana Lucía')], true)
        : page('p2', [student('s3', 'Nguyen', 'Thuy'), student('s4', 'O’Neil', 'Marcus')]));
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['García-López, Ana Lucía', 'Nguyen, Thuy', 'O’Neil, Marcus', 'Raman, Priya']);

    await applyPullPage(store.db, page('p3', [student('s2', 'Zamora', 'Ana Lucía'), student('s4', 'O’Neil', 'Marcus', true), student('s5', 'Abara', 'Chidi')]));
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Abara, Chidi', 'Nguyen, Thuy', 'Raman, Priya', 'Zamora, Ana Lucía']);
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(names(await wholeInOrder()));
  });

  it('holds the first screenful only, the same students the whole roster starts with', async () => {
    await pullAll(store.db, async (checkpoint) => (checkpoint === null ? page('p1', many(70, 'a'), true) : page('p2', many(50, 'b'))));
    const first = await readRosterFirstScreenful(store.db);
    expect(first).toHaveLength(ROSTER_HEAD);
    expect(first).toEqual((await wholeInOrder()).slice(0, ROSTER_HEAD));
    expect((await readRosterHead(store.db))?.total).toBe(120);
  });

  it('keeps no name in plain text', async () => {
    // An id with a hyphen, which base64 never holds, so only a plain copy could match.
    await pullAll(store.db, async () => page('p1', [student('st-1', 'Yupanqui', 'Wayra')]));
    expect(await readRosterHead(store.db)).toEqual({ ids: ['st-1'], total: 1 });
    expect(JSON.stringify(await store.db.meta.toArray())).not.toMatch(/Yupanqui|Wayra|st-1/);
  });

  it('is built for a roster stored before the order existed: by the next pull, or by a read of the whole roster', async () => {
    // What a tablet updated from the version before holds: roster rows, no order.
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya'), student('s2', 'Abara', 'Chidi')]));
    await store.db.meta.bulkDelete(['rosterHead', 'rosterOrder']);
    expect(await readRosterFirstScreenful(store.db)).toBeNull();

    await keepRosterOrder(store.db, await wholeInOrder());
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Abara, Chidi', 'Raman, Priya']);

    await store.db.meta.bulkDelete(['rosterHead', 'rosterOrder']);
    await applyPullPage(store.db, page('p2', [student('s3', 'Nguyen', 'Thuy')]));
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Abara, Chidi', 'Nguyen, Thuy', 'Raman, Priya']);
  });

  it('is rebuilt by the next pull when the stored whole does not fit its schema (the first format kept tuples)', async () => {
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya'), student('s2', 'Abara', 'Chidi')]));
    await store.db.meta.put({ key: 'rosterOrder', value: await seal(store.vault.key(), [['s2', 'Abara', 'Chidi'], ['s1', 'Raman', 'Priya']], 'meta/rosterOrder') });
    await applyPullPage(store.db, page('p2', [student('s3', 'Nguyen', 'Thuy')]));
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Abara, Chidi', 'Nguyen, Thuy', 'Raman, Priya']);
  });

  it('is put right by a read of the whole roster when its head is wrong, and left alone when right', async () => {
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya'), student('s2', 'Abara', 'Chidi')]));
    const right = (await store.db.meta.get('rosterHead'))!.value;
    await keepRosterOrder(store.db, await wholeInOrder());
    expect((await store.db.meta.get('rosterHead'))!.value).toEqual(right);

    // What an older tab's pull leaves: a student on the roster the order does not place.
    const wrong = await sealRosterOrder(store.vault.key(), [student('s1', 'Raman', 'Priya')]);
    await store.db.transaction('rw', store.db.meta, () => writeRosterOrderIfUnchanged(store.db, (right as { iv: string }).iv, wrong));
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Raman, Priya']);
    await keepRosterOrder(store.db, await wholeInOrder());
    expect(names(await readRosterFirstScreenful(store.db))).toEqual(['Abara, Chidi', 'Raman, Priya']);
  });

  it('is written only over the order it was placed into', async () => {
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya')]));
    const next = await sealRosterOrder(store.vault.key(), []);
    expect(await store.db.transaction('rw', store.db.meta, () => writeRosterOrderIfUnchanged(store.db, 'another write', next))).toBe(false);
    expect(await readRosterHead(store.db)).toEqual({ ids: ['s1'], total: 1 });
  });

  it('goes with the roster when another center’s advisor signs in', async () => {
    const session = (centerId: string): StoredSession => ({
      token: 't', expiresAt: '2030-01-01T00:00:00Z', expired: false, user: { id: 'u1', email: 'a@example.org', centerId, name: 'A', role: 'advisor' },
    });
    await storeSignIn(store.db, session('c1'));
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya')]));
    await storeSignIn(store.db, session('c2'));
    expect(await readRosterHead(store.db)).toBeNull();
  });

  it('goes with the roster when a forgotten passphrase is reset', async () => {
    await pullAll(store.db, async () => page('p1', [student('s1', 'Raman', 'Priya')]));
    await store.vault.reset();
    expect(await store.db.meta.bulkGet(['rosterHead', 'rosterOrder'])).toEqual([undefined, undefined]);
  });
});
