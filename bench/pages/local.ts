/**
 * Local figures, in the browser's real IndexedDB: the app's own repository
 * (autosave, strict-durability confirm, the records list) and its in-memory
 * search, each operation timed on its own.
 */
import { confirmApplications, listApplications, saveDraft, type DraftInput } from '../../src/app/db/applications';
import type { Store } from '../../src/app/db/connection';
import type { LocalApplication } from '../../src/app/db/schema';
import { sealApplication } from '../../src/app/crypto/sealed-fields';
import { buildSearchIndex, searchRecords, type SearchEntry } from '../../src/app/model/search';
import { percentile } from '../lib/stats';
import type { BenchRecord } from '../lib/fixtures';
import type { Latency, LocalBench } from './bench-api';
import { BENCH_PASSPHRASE, openUnlockedStore } from './vault';

// Entry (autosave, confirm) and the big records list use separate databases, so
// the list holds exactly the records the Node side stored.
const stores = new Map<'entry' | 'list', Store>();
let index: SearchEntry[] = [];

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
        const { confirmed } = await confirmApplications(s, [record.id]);
        if (confirmed.length !== 1) throw new Error('a benchmark record was not confirmed');
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
    const { db, vault } = await theStore('list');
    const names = new Map((await db.schools.toArray()).map((s) => [s.id, s.name]));
    const first: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Locking drops the decrypted cache: the next open is the first of the day, every row decrypted.
      vault.lock();
      await vault.unlock(BENCH_PASSPHRASE);
      first.push(await timed(async () => {
        index = buildSearchIndex(await listApplications(db), names);
      }));
      again.push(await timed(async () => {
        index = buildSearchIndex(await listApplications(db), names);
      }));
    }
    return { first: latency(first), again: latency(again) };
  },
  async searchAsYouType(queries) {
    const samples: number[] = [];
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        const prefix = query.slice(0, n);
        samples.push(await timed(async () => searchRecords(index, prefix)));
      }
    }
    return latency(samples);
  },
};

window.localBench = localBench;
