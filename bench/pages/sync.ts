/**
 * Ours, in the browser: the app's own store, repository and sync engine, pushing
 * confirmed records to the real server exactly as the app does on "Sync now",
 * with encryption at rest on (the outbox rows are sealed, as on a tablet).
 */
import { confirmApplications, saveDraft } from '../../src/app/db/applications';
import type { Store } from '../../src/app/db/connection';
import { createApiClient } from '../../src/app/sync/api';
import { SyncEngine } from '../../src/app/sync/engine';
import { pullAll } from '../../src/app/sync/pull';
import { signIn } from '../../src/app/sync/session';
import type { SyncBench } from './bench-api';
import { openUnlockedStore } from './vault';

const api = createApiClient();
let store: Store | null = null;

const syncBench: SyncBench = {
  async load(records, email, password) {
    store = await openUnlockedStore(`bench-sync-${Date.now()}`);
    const session = await signIn(store.db, api, { email, password, deviceName: 'bench' });
    // Reference data is pulled at sign-in in the app, long before a sync of new records.
    await pullAll(store.db, (checkpoint) => api.pull(session.token, checkpoint));
    for (const record of records) {
      const createdAt = Date.now();
      await saveDraft(store.db, {
        id: record.id, studentId: record.studentId, batchId: null, createdAt, fields: record.fields, ssidRekey: record.fields.ssid,
      });
    }
    // The app's service worker precaches every chunk; this page has none, so the chunks sync loads lazily are
    // fetched here, before the clock starts, instead of over the slow link inside the timed sync.
    await Promise.all([import('../../src/app/sync/push'), import('../../src/app/sync/report')]);
    const { skipped } = await confirmApplications(store, records.map((r) => r.id));
    if (skipped.length > 0) throw new Error(`${skipped.length} records were not confirmed; first: ${skipped[0]?.reason}`);
  },
  async sync() {
    if (!store) throw new Error('load() first');
    const engine = new SyncEngine({ db: store.db, api, locks: navigator.locks, isOnline: () => true, events: null });
    const start = performance.now();
    let pushMs = Number.NaN;
    const unsubscribe = engine.subscribe((state) => {
      if (state.phase !== 'pushing' && Number.isNaN(pushMs)) pushMs = performance.now() - start;
    });
    await engine.syncNow();
    const totalMs = performance.now() - start;
    // Time with a push request open (upload, server, answer), as opposed to work on the tablet between requests.
    const pushes = performance.getEntriesByType('resource').filter((e) => e.startTime >= start && new URL(e.name).pathname === '/api/sync/push');
    unsubscribe();
    engine.stop();
    const result = engine.getState().lastResult;
    if (result?.error) throw new Error(`sync failed: ${result.error}`);
    return {
      pushMs, totalMs, pushRequests: pushes.length, pushInFlightMs: coveredMs(pushes),
      applied: result?.applied ?? 0, rejected: result?.rejected ?? 0, conflicts: result?.conflicts ?? 0,
      pending: await store.db.outbox.count(),
    };
  },
};

/** Time with at least one of `entries` open: pipelined requests overlap, and overlapping time counts once. */
function coveredMs(entries: readonly PerformanceEntry[]): number {
  let covered = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const e of [...entries].sort((a, b) => a.startTime - b.startTime)) {
    const end = e.startTime + e.duration;
    covered += Math.max(0, end - Math.max(e.startTime, reached));
    reached = Math.max(reached, end);
  }
  return covered;
}

window.syncBench = syncBench;
