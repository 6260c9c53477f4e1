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
import { SealedCache } from './sealedCache';
import { openSettled, type Aside } from './setAside';

/** The applications that opened, and the rows set aside because they fail their schema (setAside.ts turns them into listed rows). */
export interface ReadApplications {
  records: LocalApplication[];
  aside: Aside<ApplicationRow>[];
}

/**
 * The whole stored row as a string, to tell whether it changed between a read
 * and a write: any change, to the seal or to a plain column such as the status
 * push writes, gives another stamp. Null for no row.
 */
export function rowStamp(row: object | undefined): string | null {
  return row === undefined ? null : JSON.stringify(row);
}

type SealedPart = Pick<LocalApplication, 'fields' | 'ssidRekey' | 'serverReason' | 'verification' | 'secondLook' | 'heldKeyings'>;

const sealedPart = (app: LocalApplication): SealedPart => ({
  fields: app.fields, ssidRekey: app.ssidRekey, serverReason: app.serverReason,
  ...(app.verification ? { verification: app.verification } : {}), ...(app.secondLook ? { secondLook: app.secondLook } : {}),
  ...(app.heldKeyings ? { heldKeyings: app.heldKeyings } : {}),
});

/** The decrypted applications of one database while its vault is unlocked. */
export class RecordIndex {
  private readonly cache: SealedCache<SealedPart>;

  constructor(readonly vault: Vault) {
    this.cache = new SealedCache(vault);
  }

  /** The data key; VaultLockedError while locked. */
  key(): CryptoKey {
    return this.vault.key();
  }

  /**
   * Opens one stored row. Only the sealed part is cached (keyed by its IV): the
   * plain columns, such as the status push writes, always come from the row.
   */
  async open(row: ApplicationRow): Promise<LocalApplication> {
    const key = this.key();
    if (!isSealedRow(row)) return localApplicationSchema.parse(row);
    const { sealed, ...plain } = row as StoredApplication;
    const part = await this.cache.get(row.id, sealed.iv, async () =>
      sealedPart(localApplicationSchema.parse(await openApplication(key, row as StoredApplication))),
    );
    return { ...plain, ...part };
  }

  /**
   * Opens many rows, setting aside each one that fails its schema (see
   * setAside.ts); forgets cached ids not among them when `complete` (the whole table was read).
   */
  async openAll(rows: readonly ApplicationRow[], complete = false): Promise<ReadApplications> {
    this.key();
    const settled = await openSettled(rows, (row) => this.open(row));
    if (complete) this.cache.keepOnly(new Set(rows.map((row) => row.id)));
    return { records: settled.opened, aside: settled.aside };
  }

  /** Records what this tab just sealed, so the next read needs no decryption. */
  remember(row: ApplicationRow, app: LocalApplication): void {
    if (isSealedRow(row)) this.cache.remember(app.id, row.sealed.iv, sealedPart(app));
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

/** Every application on the tablet, decrypted, and the rows set aside. VaultLockedError while locked. */
export async function readAllApplications(db: MesaDb): Promise<ReadApplications> {
  const index = recordIndex(db);
  index.key();
  const rows = await db.applications.toArray();
  return Promise.resolve(index.openAll(rows, true));
}

/** Every readable application on the tablet, decrypted; rows that fail their schema are left out. */
export async function readApplications(db: MesaDb): Promise<LocalApplication[]> {
  return (await readAllApplications(db)).records;
}

/** Applications matching a Dexie query over plain columns, decrypted, and the rows set aside. */
export async function openRowsSettled(db: MesaDb, rows: readonly ApplicationRow[]): Promise<ReadApplications> {
  return Promise.resolve(recordIndex(db).openAll(rows));
}

/** Applications matching a Dexie query over plain columns, decrypted; rows that fail their schema are left out. */
export async function openRows(db: MesaDb, rows: readonly ApplicationRow[]): Promise<LocalApplication[]> {
  return (await openRowsSettled(db, rows)).records;
}

/** One application, decrypted, or undefined. */
export async function readApplication(db: MesaDb, id: string): Promise<LocalApplication | undefined> {
  const index = recordIndex(db);
  index.key();
  const row = await db.applications.get(id);
  return row ? Promise.resolve(index.open(row)) : undefined;
}
