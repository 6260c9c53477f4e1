/**
 * Local figures, in the browser's real IndexedDB: the app's own repository
 * (autosave, strict-durability confirm, the records list) and its in-memory
 * search, each operation timed on its own.
 */
import { confirmApplications, listApplications, listRecentApplications, saveDraft, type DraftInput } from '../../src/app/db/applications';
import type { Store } from '../../src/app/db/connection';
import { applyPullPage } from '../../src/app/db/pulledPages';
import { readRosterOrder, sealRosterOrder } from '../../src/app/db/rosterOrder';
import { readRoster, readRosterFirstScreenful } from '../../src/app/db/roster';
import { readSetAside } from '../../src/app/db/setAsideRows';
import { writeAllSealedAt } from '../../src/app/db/meta';
import { afterUnlock } from '../../src/app/services/afterUnlock';
import type { LocalApplication } from '../../src/app/db/schema';
import { sealApplication } from '../../src/app/crypto/sealed-fields';
import { FIRST_SCREENFUL } from '../../src/app/features/records/useRecordSearch';
import { buildRosterIndex, searchRoster, type RosterSearchEntry } from '../../src/app/features/students/rosterSearch';
import { buildSearchIndex, searchRecords, type SearchEntry } from '../../src/app/model/search';
import type { RosterEntry } from '../../src/shared/protocol';
import { placeInOrder } from '../../src/shared/roster-order';
import { NO_VERIFICATION_POLICY } from '../../src/shared/verification-policy';
import { percentile } from '../lib/stats';
import type { BenchRecord } from '../lib/fixtures';
import type { Latency, LocalBench } from './bench-api';
import { BENCH_PASSPHRASE, openUnlockedStore } from './vault';

// Entry (autosave, confirm) and the big records list use separate databases, so
// the list holds exactly the records the Node side stored.
const stores = new Map<'entry' | 'list', Store>();
let index: SearchEntry[] = [];
let rosterIndex: RosterSearchEntry[] = [];
/** Students a pulled page holds, as the server's PULL_PAGE_SIZE. */
const PULL_PAGE = 2000;

async function theStore(kind: 'entry' | 'list'): Promise<Store> {
  const open = stores.get(kind) ?? (await openUnlockedStore(`bench-${kind}-${Date.now()}`));
  stores.set(kind, open);
  return open;
}

function latency(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

async function timed(op: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await op();
  return performance.now() - start;
}

function draftOf(record: BenchRecord): DraftInput {
  return { id: record.id, studentId: record.studentId, batchId: null, createdAt: Date.now(), fields: record.fields, ssidRekey: record.fields.ssid };
}

/** A record as the repository holds it, for seeding the 10,000-record list quickly (sealed below, as the app seals it). */
function storedOf(record: BenchRecord, at: number): LocalApplication {
  return {
    id: record.id, studentId: record.studentId, batchId: null, status: 'synced', version: 1, serverVersion: 1,
    schoolId: record.fields.schoolId, createdAt: at, updatedAt: at, confirmedAt: at, fields: record.fields,
    ssidRekey: record.fields.ssid, serverReason: null, sendToReview: false,
  };
}

/** The student of a record as the roster pull brings them (no SSID hash: the list does not need one). */
function rosterOf(record: BenchRecord): RosterEntry {
  const f = record.fields;
  return {
    studentId: record.studentId, firstName: f.firstName, lastName: f.lastName, dateOfBirth: f.dateOfBirth, grade: f.grade,
    schoolId: f.schoolId, schoolStudentId: f.schoolStudentId, ssidHash: null, ssidLast4: f.ssid.slice(-4), ssidSource: null, deleted: false,
  };
}

/** Each measured `runs` times right after an unlock (nothing decrypted yet): `firstScreen`, then `whole`, then `whole` again (from the decrypted cache). */
async function opensAfterUnlock(store: Store, runs: number, firstScreen: () => Promise<unknown>, whole: () => Promise<unknown>) {
  const samples = { firstScreen: [] as number[], first: [] as number[], again: [] as number[] };
  for (let i = 0; i < runs; i++) {
    // Locking drops the decrypted cache: the next open is the first of the day, every row decrypted.
    store.vault.lock();
    await store.vault.unlock(BENCH_PASSPHRASE);
    samples.firstScreen.push(await timed(firstScreen));
    samples.first.push(await timed(whole));
    samples.again.push(await timed(whole));
  }
  return { firstScreen: latency(samples.firstScreen), first: latency(samples.first), again: latency(samples.again) };
}

async function schoolNames(store: Store): Promise<Map<string, string>> {
  return new Map((await store.db.schools.toArray()).map((s) => [s.id, s.name]));
}

function prefixTimes(queries: string[], search: (prefix: string) => unknown): Promise<Latency> {
  const samples: number[] = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      search(query.slice(0, n));
      samples.push(performance.now() - start);
    }
  }
  return Promise.resolve(latency(samples));
}

const localBench: LocalBench = {
  async autosave(record, count) {
    const { db } = await theStore('entry');
    const draft = draftOf(record);
    const samples: number[] = [];
    // Each save is one more keystroke in the street field, as the form autosaves it.
    for (let i = 0; i < count; i++) {
      const fields = { ...draft.fields, street: `${draft.fields.street} ${i}` };
      samples.push(await timed(() => saveDraft(db, { ...draft, fields })));
    }
    return latency(samples);
  },
  async confirm(records) {
    const s = await theStore('entry');
    const samples: number[] = [];
    for (const record of records) {
      await saveDraft(s.db, draftOf(record));
      samples.push(await timed(async () => {
        const { confirmed, skipped } = await confirmApplications(s, [record.id]);
        if (confirmed.length !== 1) throw new Error(`a benchmark record was not confirmed: ${skipped.map((k) => k.reason).join('; ')}`);
      }));
    }
    return latency(samples);
  },
  async store(records, schools) {
    const { db, vault } = await theStore('list');
    const now = Date.now();
    await db.schools.bulkPut(schools);
    const key = vault.key();
    const sealed = await Promise.all(records.map((r, i) => sealApplication(key, storedOf(r, now - i * 1000))));
    await db.applications.bulkPut(sealed);
  },
  async openList(runs) {
    const store = await theStore('list');
    const names = await schoolNames(store);
    const firstScreen = async () => buildSearchIndex((await listRecentApplications(store.db, FIRST_SCREENFUL)).records, names);
    // The records screen: its first screenful at once, the whole list and its index after the first paint.
    const opens = await opensAfterUnlock(store, runs, firstScreen, async () => {
      index = buildSearchIndex(await listApplications(store.db), names);
    });
    // In the app the header's "need fixing" count starts reading every row at unlock too: the first screenful beside it.
    const beside: number[] = [];
    for (let i = 0; i < runs; i++) {
      store.vault.lock();
      await store.vault.unlock(BENCH_PASSPHRASE);
      const header = readSetAside(store.db);
      beside.push(await timed(firstScreen));
      await header;
    }
    return { ...opens, firstScreenBeside: latency(beside) };
  },
  searchAsYouType(queries) {
    return prefixTimes(queries, (prefix) => searchRecords(index, prefix));
  },
  async storeRoster(records, runs) {
    const { db, vault } = await theStore('list');
    const schools = await db.schools.toArray();
    // Through the pull's own page writes (the server's page size), so the roster's order is stored as a pull stores it.
    for (let at = 0; at < records.length; at += PULL_PAGE) {
      const roster = records.slice(at, at + PULL_PAGE).map(rosterOf);
      await applyPullPage(db, {
        checkpoint: `bench-${at}`, more: at + PULL_PAGE < records.length, center: { id: 'bench-center', name: 'Bench', verification: NO_VERIFICATION_POLICY },
        ssidKey: 'ab'.repeat(32), schools, roster, advisors: [], verifiedElsewhere: [],
      });
    }
    // A page of students pulled again (renamed), placed into the whole stored order: what pulledPages' orderAfter does per page.
    const page = records.slice(0, PULL_PAGE).map((r) => ({ ...rosterOf(r), lastName: `${r.fields.lastName}x` }));
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      samples.push(await timed(async () => {
        const { order } = await readRosterOrder(db);
        if (order === null) throw new Error('the pulled roster has no stored order');
        await sealRosterOrder(vault.key(), placeInOrder(order, page, []));
      }));
    }
    return { upkeep: latency(samples) };
  },
  async openRoster(runs) {
    const store = await theStore('list');
    const names = await schoolNames(store);
    // The students screen: its first screenful through the stored order at once, the whole roster and its index after the first paint.
    const firstScreen = async () => {
      const first = await readRosterFirstScreenful(store.db);
      if (first === null) throw new Error('the roster has no stored order: its first screenful would be the whole roster');
      buildRosterIndex(first, names);
    };
    return opensAfterUnlock(store, runs, firstScreen, async () => {
      rosterIndex = buildRosterIndex(await readRoster(store.db), names);
    });
  },
  searchRosterAsYouType(queries) {
    return prefixTimes(queries, (prefix) => searchRoster(rosterIndex, prefix));
  },
  async afterUnlockWork(runs) {
    const store = await theStore('list');
    const unlocked = async () => {
      store.vault.lock();
      await store.vault.unlock(BENCH_PASSPHRASE);
    };
    const scan: number[] = [];
    const later: number[] = [];
    for (let i = 0; i < runs; i++) {
      await unlocked();
      // Noted under schema version 0: this unlock reads every row, as the first one after a schema change does.
      await writeAllSealedAt(store.db, 0);
      scan.push(await timed(() => afterUnlock(store, null)));
      await unlocked();
      later.push(await timed(() => afterUnlock(store, null)));
    }
    return { scan: latency(scan), later: latency(later) };
  },
};

window.localBench = localBench;
