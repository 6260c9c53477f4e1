/**
 * One tablet of the fault suite: its own fake-indexeddb store, device id,
 * session and REAL sync engine, talking to the server through the fault proxy.
 * Records are typed and confirmed through the app's own repository.
 */
import 'fake-indexeddb/auto';
import { closeStore, type Store } from '../../src/app/db/connection';
import { openTestStore } from '../app/harness';
import { confirmApplications, newDraft, saveDraft } from '../../src/app/db/applications';
import { createApiClient, type ApiClient } from '../../src/app/sync/api';
import { SyncEngine } from '../../src/app/sync/engine';
import { signIn } from '../../src/app/sync/session';
import { confirmedApplicationSchema } from '../../src/shared/application';
import { uuidv7 } from '../../src/shared/ids';
import type { SentRecord } from './counts';
import { completeFields } from '../app/sync/fixtures';

/** A signed-in tablet with schools pulled. */
export interface Tablet {
  store: Store;
  api: ApiClient;
  schoolId: string;
  /** A fresh engine on this tablet's store, as another tab or a restarted app would have. */
  engine(): SyncEngine;
  /** Types and confirms `count` records; returns what must reach the server. */
  confirm(count: number): Promise<SentRecord[]>;
  /** The status of every local record (a plain, indexed column), and the outbox size. */
  local(): Promise<{ statuses: string[]; outbox: number }>;
  close(): void;
}

let tabletCounter = 0;

/**
 * A valid 10-digit SSID unique to (tablet, n): the server's unique index on
 * SSIDs takes part in every scenario. 7919 and 104729 are primes, so no two collide
 * for the sizes used here.
 */
function ssidFor(tablet: number, n: number): string {
  return String(4_000_000_000 + tablet * 10_472_900 + n * 7919);
}

/** Signs a new tablet in through `baseUrl` and pulls the center's schools. */
export async function newTablet(baseUrl: string, credentials: { email: string; password: string }, options: { timeoutMs?: number } = {}): Promise<Tablet> {
  tabletCounter += 1;
  const tag = tabletCounter;
  // Records are sealed at rest: the tablet's vault is set up as an advisor would on first use.
  const store = await openTestStore(`faults-${process.pid}-${tag}-${uuidv7()}`);
  // A short timeout is for the scenario's syncs; signing in (scrypt) may take longer on a busy machine.
  const api = createApiClient({ baseUrl, timeoutMs: options.timeoutMs ?? 10_000 });
  const setUp = createApiClient({ baseUrl });
  const engine = () => new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true });
  await signIn(store.db, setUp, credentials);
  await new SyncEngine({ db: store.db, api: setUp, locks: null, events: null, isOnline: () => true }).syncNow();
  const school = await store.db.schools.toCollection().first();
  if (!school) throw new Error('The pull brought no schools.');
  let typed = 0;

  return {
    store,
    api,
    schoolId: school.id,
    engine,
    async confirm(count) {
      const typedRecords: SentRecord[] = [];
      for (let i = 0; i < count; i++) {
        typed += 1;
        const fields = completeFields(typed, school.id, { lastName: `Fault${tag}`, ssid: ssidFor(tag, typed), ssidSource: 'student_form' });
        const draft = newDraft(null);
        await saveDraft(store.db, { ...draft, fields, ssidRekey: fields.ssid });
        typedRecords.push({ id: draft.id, application: confirmedApplicationSchema.parse(fields) });
      }
      const result = await confirmApplications(store, typedRecords.map((r) => r.id));
      if (result.skipped.length > 0) throw new Error(`Confirmation skipped records: ${result.skipped[0]!.reason}`);
      return typedRecords;
    },
    async local() {
      return { statuses: (await store.db.applications.toArray()).map((r) => r.status), outbox: await store.db.outbox.count() };
    },
    close: () => closeStore(store),
  };
}
