/**
 * Reading applications while encryption at rest is on. Each database connection
 * is bound to the app's Vault; rows are opened with its data key and kept,
 * decrypted, in an in-memory cache keyed by id and the row's seal (a fresh IV
 * on every write), so lists and search re-open only rows that changed, and the
 * cache is dropped the moment the vault locks.
 *
 * Reads happen in two steps on purpose: first the Dexie read (which liveQuery
 * observes), then the decryption, wrapped in Promise.resolve() as Dexie asks
 * for non-Dexie async work inside a live query.
 */
import { isSealedRow, openApplication, type StoredApplication } from '../crypto/sealed-fields';
import { localApplicationSchema } from '../crypto/row-schemas';
import type { Vault } from '../crypto/vault';
import type { ApplicationRow, LocalApplication, MesaDb } from './schema';

/**
 * The whole stored row as a string, to tell whether it changed between a read
 * and a write: any change, to the seal or to a plain column such as the status
 * push writes, gives another stamp. Null for no row.
 */
export function rowStamp(row: object | undefined): string | null {
  return row === undefined ? null : JSON.stringify(row);
}

type SealedPart = Pick<LocalApplication, 'fields' | 'ssidRekey' | 'serverReason'>;

/** The decrypted applications of one database while its vault is unlocked. */
export class RecordIndex {
  private readonly cache = new Map<string, { iv: string; part: SealedPart }>();

  constructor(readonly vault: Vault) {
    vault.subscribe((state) => {
      if (state.phase !== 'unlocked') this.cache.clear();
    });
  }

  /** The data key; VaultLockedError while locked. */
  key(): CryptoKey {
    return this.vault.key();
  }

  /** Opens one stored row (its sealed part from the cache when the seal is unchanged). */
  async open(row: ApplicationRow): Promise<LocalApplication> {
    const key = this.key();
    if (!isSealedRow(row)) return localApplicationSchema.parse(row);
    const { sealed, ...plain } = row as StoredApplication;
    const cached = this.cache.get(row.id);
    if (cached?.iv === sealed.iv) return { ...plain, ...cached.part };
    const app = localApplicationSchema.parse(await openApplication(key, row as StoredApplication));
    this.cache.set(row.id, { iv: sealed.iv, part: { fields: app.fields, ssidRekey: app.ssidRekey, serverReason: app.serverReason } });
    return app;
  }

  /** Opens many rows; drops cached ids not among them when `complete` (the whole table was read). */
  async openAll(rows: readonly ApplicationRow[], complete = false): Promise<LocalApplication[]> {
    this.key();
    const apps = await Promise.all(rows.map((row) => this.open(row)));
    if (complete) {
      const ids = new Set(rows.map((row) => row.id));
      for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
    }
    return apps;
  }

  /** Records what this tab just sealed, so the next read needs no decryption. */
  remember(row: ApplicationRow, app: LocalApplication): void {
    if (isSealedRow(row) && this.vault.isUnlocked()) {
      this.cache.set(app.id, { iv: row.sealed.iv, part: { fields: app.fields, ssidRekey: app.ssidRekey, serverReason: app.serverReason } });
    }
  }
}

const indexes = new WeakMap<MesaDb, RecordIndex>();

/** Binds connections to one vault (the app's two connections share one index). */
export function bindVault(dbs: readonly MesaDb[], vault: Vault): RecordIndex {
  const index = new RecordIndex(vault);
  for (const db of dbs) indexes.set(db, index);
  return index;
}

/** The index bound to `db`; throws if openStore did not bind one. */
export function recordIndex(db: MesaDb): RecordIndex {
  const index = indexes.get(db);
  if (!index) throw new Error('This database connection has no vault: open it with openStore().');
  return index;
}

/** Every application on the tablet, decrypted. VaultLockedError while locked. */
export async function readApplications(db: MesaDb): Promise<LocalApplication[]> {
  const index = recordIndex(db);
  index.key();
  const rows = await db.applications.toArray();
  return Promise.resolve(index.openAll(rows, true));
}

/** Applications matching a Dexie query over plain columns, decrypted. */
export async function openRows(db: MesaDb, rows: readonly ApplicationRow[]): Promise<LocalApplication[]> {
  return Promise.resolve(recordIndex(db).openAll(rows));
}

/** One application, decrypted, or undefined. */
export async function readApplication(db: MesaDb, id: string): Promise<LocalApplication | undefined> {
  const index = recordIndex(db);
  index.key();
  const row = await db.applications.get(id);
  return row ? Promise.resolve(index.open(row)) : undefined;
}
