/** Shared set-up for app tests: a fresh fake-indexeddb store per test and the app rendered at a path. */
import 'fake-indexeddb/auto';
import { cleanup, configure, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { closeStore, openStore, type Store } from '../../src/app/db/connection';
import { createBatch } from '../../src/app/db/batches';
import type { LocalApplication, LocalBatch, MesaDb, OutboxRow } from '../../src/app/db/schema';
import { bindVault, recordIndex } from '../../src/app/db/records';
import type { Vault } from '../../src/app/crypto/vault';
import { openVault } from '../../src/app/db/vaultKeys';
import { openOutbox } from '../../src/app/db/outbox';
import { sealApplication } from '../../src/app/crypto/sealed-fields';
import type { ComponentProps } from 'preact';
import { App } from '../../src/app/App';
import { SyncProvider } from '../../src/app/features/session/SyncProvider';
import { SessionGate } from '../../src/app/shell/SessionGate';
import { AppContext } from '../../src/app/hooks/context';
import { createRouter, type Router } from '../../src/app/router';
import { blankFields, type ApplicationFields } from '../../src/shared/application';
import { getApplication, saveDraft } from '../../src/app/db/applications';
import { uuidv7 } from '../../src/shared/ids';
import { paths } from '../../src/app/paths';

// fake-indexeddb in jsdom is slow on a shared machine; this bounds waiting, it asserts no timing.
configure({ asyncUtilTimeout: 5000 });

let counter = 0;

/** The passphrase of every test store's vault; a low work factor keeps tests fast (never in production). */
export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_ITERATIONS = 1_000;

/** A unique database name, so tests never share state. */
export function testDbName(): string {
  counter += 1;
  return `mesa-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** A new, empty database with its vault set up and unlocked, as after the advisor chose a passphrase. */
export async function openTestStore(name = testDbName()): Promise<Store> {
  const store = await openStore(name, { iterations: TEST_ITERATIONS });
  if (store.vault.state().phase === 'new') await store.vault.setup(TEST_PASSPHRASE);
  else await store.vault.unlock(TEST_PASSPHRASE);
  return store;
}

export const SCHOOLS = [
  { id: 'school-lincoln', centerId: 'c1', name: 'Lincoln Middle School', cdsCode: '19647336057087', city: 'Los Angeles', deleted: false },
  { id: 'school-roosevelt', centerId: 'c1', name: 'Roosevelt High School', cdsCode: '19647331935402', city: 'Los Angeles', deleted: false },
];

/** The schools a first online visit would have pulled. */
export async function seedSchools(store: Store): Promise<void> {
  await store.db.schools.bulkPut(SCHOOLS);
}

/** A batch of 25 sheets from Lincoln, grade 7 carried from form to form. */
export function seedBatch(store: Store, sheetCount = 25): Promise<LocalBatch> {
  return createBatch(store.db, {
    schoolId: 'school-lincoln',
    programYear: '2025-26',
    sheetCount,
    defaults: { grade: '7', schoolId: 'school-lincoln', programYear: '2025-26', dateReceived: '2025-09-15' },
  });
}

/** A complete application that passes every check (SSID re-keyed). */
export function completeFields(overrides: Partial<ApplicationFields> = {}): ApplicationFields {
  return blankFields({
    firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '2012-03-15', grade: '7', schoolId: 'school-lincoln',
    ssid: '2038475610', programYear: '2025-26', ...overrides,
  });
}

/** Saves a record in a batch, the way the entry form would. */
export function seedRecord(store: Store, batchId: string | null, fields: ApplicationFields, ssidRekey = fields.ssid, createdAt = Date.now()) {
  return saveDraft(store.db, { id: uuidv7(createdAt), studentId: uuidv7(createdAt), batchId, createdAt, fields, ssidRekey });
}

/** Renders the whole app at `path` over `store`. */
export function renderApp(store: Store, path: string): ReturnType<typeof render> & { router: Router } {
  window.history.replaceState(null, '', path);
  const router = createRouter(window);
  const result = render(
    <AppContext.Provider value={{ store, router }}>
      <App />
    </AppContext.Provider>,
  );
  return { ...result, router };
}

/** Renders the app at `path` behind the session gate and sync against `baseUrl`, as main.tsx does; `slots` fill the app's header, notice and nav. */
export function renderSessionApp(store: Store, baseUrl: string, path: string, slots: ComponentProps<typeof App> = {}): ReturnType<typeof render> {
  window.history.replaceState(null, '', path);
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <SyncProvider baseUrl={baseUrl}>
        <SessionGate>
          <App {...slots} />
        </SessionGate>
      </SyncProvider>
    </AppContext.Provider>,
  );
}

/**
 * Gives each test of a screen suite a fresh store with the schools pulled, and
 * cleans up after it; returns how to reach the current test's store.
 */
export function screenStorePerTest(): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await openTestStore();
    await seedSchools(store);
  });
  afterEach(() => {
    cleanup();
    if (store) closeStore(store);
  });
  return () => {
    if (!store) throw new Error('The store is made before each test.');
    return store;
  };
}

/** The input labelled exactly `label`. */
export function fieldByLabel(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
}

/** Types `value` into the input labelled `label`, as one input event. */
export function typeInto(label: string, value: string): void {
  fireEvent.input(fieldByLabel(label), { target: { value } });
}

/** A new blank form of a fresh batch, rendered and ready for typing. */
export async function openNewForm(store: Store): Promise<ReturnType<typeof renderApp> & { batch: LocalBatch }> {
  const batch = await seedBatch(store);
  const app = renderApp(store, paths.newRecord(batch.id));
  await screen.findByLabelText('First name');
  // The sections after the first are drawn a frame later (useFormInSteps).
  await screen.findByLabelText('Date received');
  return { batch, ...app };
}

/** The text of everything an input's aria-describedby points at (what a screen reader reads with it). */
export function describedText(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** Every outbox row, opened with the store's key (rows are sealed at rest). */
export async function readOutbox(store: Pick<Store, 'db'>): Promise<OutboxRow[]> {
  const key = recordIndex(store.db).key();
  return Promise.all((await store.db.outbox.orderBy('mutationId').toArray()).map((row) => openOutbox(key, row)));
}

/** One record as the app reads it (decrypted), failing the test if it is absent. */
export async function readRecord(store: Pick<Store, 'db'>, id: string): Promise<LocalApplication> {
  const record = await getApplication(store.db, id);
  if (!record) throw new Error(`record ${id} is not stored`);
  return record;
}

/** Changes a stored record directly (sealed again), as another part of the app or the server's answer would. */
export async function changeRecord(store: Pick<Store, 'db'>, id: string, changes: Partial<LocalApplication>): Promise<LocalApplication> {
  const next = { ...(await readRecord(store, id)), ...changes };
  await store.db.applications.put(await sealApplication(recordIndex(store.db).key(), next));
  return next;
}

/** Binds a bare connection (made without openStore) to a new, unlocked vault, as the app does at start. */
export async function unlockDb(db: MesaDb): Promise<Vault> {
  const vault = await openVault(db, { iterations: TEST_ITERATIONS });
  if (vault.state().phase === 'new') await vault.setup(TEST_PASSPHRASE);
  else await vault.unlock(TEST_PASSPHRASE);
  bindVault([db], vault);
  return vault;
}
