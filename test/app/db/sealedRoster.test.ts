import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealPlainRows } from '../../../src/app/db/sealPlainRows';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { readRoster, readRosterEntry } from '../../../src/app/db/roster';
import { hashSsid, findSsidHolder } from '../../../src/app/db/ssidLookup';
import { queueSsidUpdates } from '../../../src/app/db/ssidUpdates';
import { readSsidKey } from '../../../src/app/db/meta';
import { pullAll } from '../../../src/app/sync/pull';
import { uuidv7 } from '../../../src/shared/ids';
import type { PullResponse, RosterEntry } from '../../../src/shared/protocol';
import { openTestStore, TEST_PASSPHRASE } from '../harness';
import { NO_VERIFICATION_POLICY } from '../../../src/shared/verification-policy';

const SSID_KEY = 'ab'.repeat(32);
const SSID = '4821937560';
let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

async function entry(studentId: string, firstName: string, ssid: string | null): Promise<RosterEntry> {
  return {
    studentId,
    firstName,
    lastName: 'Quispe-Mamani',
    dateOfBirth: '2011-04-17',
    grade: '7',
    schoolId: 'school-lincoln',
    schoolStudentId: 'LMS-99107',
    ssidHash: ssid ? await hashSsid(SSID_KEY, ssid) : null,
    ssidLast4: ssid ? ssid.slice(-4) : null,
    ssidSource: ssid ? 'school_records' : null,
    deleted: false,
  };
}

function page(checkpoint: string, more: boolean, roster: RosterEntry[]): PullResponse {
  return { checkpoint, more, center: { id: 'c1', name: 'Center', verification: NO_VERIFICATION_POLICY }, ssidKey: SSID_KEY, schools: [], roster, advisors: [], verifiedElsewhere: [] };
}

/** Everything IndexedDB holds for the roster and meta, as text. */
async function storedText(): Promise<string> {
  return JSON.stringify([await store.db.roster.toArray(), await store.db.meta.toArray()]);
}

describe('the roster sealed at rest', () => {
  it('stores pulled students with no name, date of birth, School Student ID or SSID key in plain text, page by page', async () => {
    const pages = [page('c1', true, [await entry('st-1', 'Yupanqui', SSID)]), page('c2', false, [await entry('st-2', 'Wayra', null)])];
    const summary = await pullAll(store.db, async (checkpoint) => pages[checkpoint === null ? 0 : 1]!);
    expect(summary).toEqual({ pages: 2, schools: 0, roster: 2 });

    const text = await storedText();
    for (const secret of ['Yupanqui', 'Wayra', 'Quispe', '2011-04-17', 'LMS-99107', SSID_KEY, '7560']) expect(text).not.toContain(secret);
    expect(await store.db.roster.where('schoolId').equals('school-lincoln').count()).toBe(2);
  });

  it('finds students by name and SSID after unlock, and refuses to read while locked', async () => {
    await pullAll(store.db, async () => page('c1', false, [await entry('st-1', 'Yupanqui', SSID), await entry('st-2', 'Wayra', null)]));
    store.vault.lock();
    await expect(readRoster(store.db)).rejects.toThrow();
    await store.vault.unlock(TEST_PASSPHRASE);

    expect((await readRoster(store.db)).map((e) => e.firstName).sort()).toEqual(['Wayra', 'Yupanqui']);
    expect(await readSsidKey(store.db)).toBe(SSID_KEY);
    expect(await findSsidHolder(store.db, SSID, { recordId: 'r-x', studentId: 'st-x' })).toBe(
      'a student on the center’s roster (Yupanqui Quispe-Mamani)',
    );
  });

  it('keeps a queued SSID update sealed across the next pull', async () => {
    const id = uuidv7();
    await pullAll(store.db, async () => page('c1', false, [await entry(id, 'Wayra', null)]));
    await queueSsidUpdates(store, [{ studentId: id, ssid: '9876501234', source: 'school_records' }], 1_700_000_000_000);
    expect(JSON.stringify(await store.db.roster.toArray())).not.toContain('1234');
    await pullAll(store.db, async () => page('c2', false, [await entry(id, 'Wayra', null)]));
    expect(await readRosterEntry(store.db, id)).toMatchObject({ firstName: 'Wayra', pendingSsidLast4: '1234', pendingSince: 1_700_000_000_000 });
  });

  it('seals roster rows and the SSID key stored plain before, on unlock, keeping a pending mark', async () => {
    await store.db.roster.put({ ...(await entry('st-1', 'Yupanqui', SSID)), pendingSsidLast4: '0001', pendingSince: 5 });
    await store.db.meta.put({ key: 'ssidKey', value: SSID_KEY });

    expect((await sealPlainRows(store.db, store.vault.key())).roster).toBe(1);

    expect(await storedText()).not.toContain('Yupanqui');
    expect(await storedText()).not.toContain(SSID_KEY);
    expect(await readRosterEntry(store.db, 'st-1')).toMatchObject({ firstName: 'Yupanqui', dateOfBirth: '2011-04-17', pendingSsidLast4: '0001' });
    expect(await readSsidKey(store.db)).toBe(SSID_KEY);
    expect((await sealPlainRows(store.db, store.vault.key())).roster).toBe(0);
  });

  it('leaves a plain roster row changed while it was being sealed as it is, for the next unlock to seal', async () => {
    const before = await entry('st-1', 'Yupanqui', SSID);
    const renamed = { ...before, firstName: 'Yupa' };
    await store.db.roster.put(before);
    // A pull writes the student again after the pass has read the roster.
    const readRosterRows = store.db.roster.toArray.bind(store.db.roster);
    store.db.roster.toArray = (async () => {
      const rows = await readRosterRows();
      await store.db.roster.put(renamed);
      return rows;
    }) as typeof store.db.roster.toArray;

    expect(await sealPlainRows(store.db, store.vault.key())).toMatchObject({ roster: 0, left: 1 });
    expect(await store.db.roster.get('st-1')).toEqual(renamed);

    store.db.roster.toArray = readRosterRows;
    expect(await sealPlainRows(store.db, store.vault.key())).toMatchObject({ roster: 1, left: 0 });
    expect(await storedText()).not.toContain('Yupa');
    expect(await readRosterEntry(store.db, 'st-1')).toMatchObject({ firstName: 'Yupa' });
  });
});
