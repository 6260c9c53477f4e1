/**
 * What the first screen needs to know before Dexie, zod and the app are loaded:
 * whether this is a tablet's first visit (no database yet) or a signed-in,
 * locked tablet (the unlock screen). Read with IndexedDB itself, read-only, and
 * closed at once; anything unexpected is "other", and the whole app decides
 * with its parsed reads (connection.ts, meta.ts) as before.
 */
import { META } from './metaKeys';

/** The app's database, as openStore() opens it. */
export const APP_DB_NAME = 'mesa-intake';

/**
 * fresh: no database yet, so nobody has signed in here (the sign-in screen);
 * locked: a passphrase is set and someone is signed in (the unlock screen),
 * `waiting` rows in the outbox; other: the whole app decides.
 */
export type StartPeek = { kind: 'fresh' } | { kind: 'locked'; waiting: number } | { kind: 'other' };

const OTHER: StartPeek = { kind: 'other' };

/** Looks at the database `name` without creating or changing it; never rejects. */
export function peekAtStart(name: string = APP_DB_NAME): Promise<StartPeek> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(OTHER);
      return;
    }
    let created = false;
    // Opening without a version creates a missing database: aborting the upgrade
    // deletes it again, so Dexie later creates it with its own schema.
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      // The abort above surfaces as an error; it is not one.
      event.preventDefault();
      resolve(created ? { kind: 'fresh' } : OTHER);
    };
    request.onblocked = () => resolve(OTHER);
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the app opening the database must never wait on this look.
      db.onversionchange = () => db.close();
      readLockedState(db).then(resolve, () => resolve(OTHER)).finally(() => db.close());
    };
  });
}

/** `locked` when a key record and a session are stored and the session needs no new password first. */
function readLockedState(db: IDBDatabase): Promise<StartPeek> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['meta', 'outbox'], 'readonly');
    const meta = tx.objectStore('meta');
    const vault = meta.get(META.vault);
    const session = meta.get(META.session);
    const waiting = tx.objectStore('outbox').count();
    tx.oncomplete = () => {
      const hasVault = (vault.result as { value?: unknown } | undefined)?.value !== undefined;
      resolve(hasVault && plainSession(session.result) ? { kind: 'locked', waiting: waiting.result } : OTHER);
    };
    tx.onerror = () => reject(tx.error ?? new Error('The first look at storage failed'));
    tx.onabort = () => reject(tx.error ?? new Error('The first look at storage was aborted'));
  });
}

/**
 * A stored session that leads straight to the vault: one with a user who must not
 * change a one-time password first (that screen comes before the unlock). Not a
 * parse: the whole app parses the session again and has the last word.
 */
function plainSession(row: unknown): boolean {
  const user = (row as { value?: { user?: { mustChangePassword?: unknown } } } | undefined)?.value?.user;
  return typeof user === 'object' && user !== null && user.mustChangePassword !== true;
}
