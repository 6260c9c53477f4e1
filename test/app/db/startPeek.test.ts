/**
 * The first screen's look at storage (db/startPeek.ts), over fake-indexeddb:
 * it tells a first visit from a signed-in, locked tablet, and it never creates,
 * changes or holds the database the app opens after it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications } from '../../../src/app/db/applications';
import type { StoredSession } from '../../../src/app/db/meta';
import { storeSignIn } from '../../../src/app/db/session';
import { peekAtStart } from '../../../src/app/db/startPeek';
import { completeFields, openTestStore, seedRecord, testDbName, TEST_ITERATIONS, TEST_PASSPHRASE } from '../harness';

const opened: Store[] = [];
afterEach(() => opened.splice(0).forEach(closeStore));

async function store(name: string): Promise<Store> {
  const s = await openTestStore(name);
  opened.push(s);
  return s;
}

const session = (mustChangePassword?: boolean): StoredSession => ({
  token: 't', expiresAt: '2030-01-01T00:00:00Z', expired: false,
  user: { id: 'u1', email: 'a@example.org', centerId: 'c1', name: 'A', role: 'advisor', ...(mustChangePassword === undefined ? {} : { mustChangePassword }) },
});

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('the first look at storage', () => {
  it('calls a tablet with no database a first visit, and leaves no database behind for the app to find', async () => {
    const name = testDbName();
    expect(await peekAtStart(name)).toEqual({ kind: 'fresh' });
    expect(await databaseNames()).not.toContain(name);
    // The app then creates it with its own schema, as on any first visit.
    const s = await openStore(name, { iterations: TEST_ITERATIONS });
    opened.push(s);
    expect(s.vault.state().phase).toBe('new');
    expect(s.db.verno).toBe(3);
  });

  it('calls a signed-in tablet with a passphrase locked, with what waits in the outbox, and the app opens it after', async () => {
    const name = testDbName();
    const s = await store(name);
    await storeSignIn(s.db, session());
    expect(await peekAtStart(name)).toEqual({ kind: 'locked', waiting: 0 });
    const saved = await seedRecord(s, null, completeFields());
    await confirmApplications(s, [saved.id]);
    expect(await peekAtStart(name)).toEqual({ kind: 'locked', waiting: 1 });
    closeStore(s);
    // The look closed its connection: a second opening of the app's store is not blocked, and unlocks.
    const again = await openStore(name, { iterations: TEST_ITERATIONS });
    opened.push(again);
    expect(again.vault.state().phase).toBe('locked');
    await again.vault.unlock(TEST_PASSPHRASE);
    expect(again.vault.isUnlocked()).toBe(true);
  });

  it('leaves every other tablet to the whole app: signed out, no passphrase yet, or a one-time password to replace', async () => {
    const signedOut = testDbName();
    await store(signedOut);
    expect(await peekAtStart(signedOut)).toEqual({ kind: 'other' });

    const noPassphrase = testDbName();
    const bare = await openStore(noPassphrase, { iterations: TEST_ITERATIONS });
    opened.push(bare);
    await storeSignIn(bare.db, session());
    expect(await peekAtStart(noPassphrase)).toEqual({ kind: 'other' });

    const oneTimePassword = testDbName();
    await storeSignIn((await store(oneTimePassword)).db, session(true));
    expect(await peekAtStart(oneTimePassword)).toEqual({ kind: 'other' });
    await storeSignIn(opened[opened.length - 1]!.db, session(false));
    expect(await peekAtStart(oneTimePassword)).toEqual({ kind: 'locked', waiting: 0 });
  });
});
