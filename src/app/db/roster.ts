/**
 * Reading the roster while encryption at rest is on. Rows are opened with the
 * vault's key and kept, decrypted, in one in-memory cache per vault, keyed by
 * student and the row's seals (a fresh IV on every write), so the students
 * screens and SSID checks re-open only rows that changed; the cache is dropped
 * the moment the vault locks. Rows still plain from before are read as they are
 * until the first unlock seals them (db/sealPlainRows.ts).
 *
 * As in db/records.ts, the Dexie read comes first (live queries observe it) and
 * the decryption after it, wrapped in Promise.resolve().
 */
import { isSealedRosterRow, openAnyRosterRow, openRosterEntry } from '../crypto/sealed-roster';
import type { Vault } from '../crypto/vault';
import { recordIndex } from './records';
import { readRosterHead } from './rosterOrder';
import type { LocalRosterEntry, MesaDb, RosterRow } from './schema';
import { SealedCache } from './sealedCache';
import { openSettled, type Settled } from './setAside';
import { screenFirst } from './screenFirst';

/** The decrypted roster of one vault while it is unlocked. */
class RosterIndex {
  private readonly cache: SealedCache<LocalRosterEntry>;

  constructor(private readonly vault: Vault) {
    this.cache = new SealedCache(vault);
  }

  async open(row: RosterRow): Promise<LocalRosterEntry> {
    const key = this.vault.key();
    if (!isSealedRosterRow(row)) return openAnyRosterRow(key, row);
    // The whole entry is cached, so the fingerprint covers the plain columns too.
    const seals = `${row.sealed.iv}/${row.local?.iv ?? ''}/${row.ssidHash ?? ''}/${row.schoolId}/${row.deleted}`;
    return this.cache.get(row.studentId, seals, () => openRosterEntry(key, row));
  }

  /** Opens many rows, setting aside each one that fails its schema (listed for repair by setAsideRows.ts). */
  async openAll(rows: readonly RosterRow[], complete: boolean): Promise<Settled<RosterRow, LocalRosterEntry>> {
    this.vault.key();
    const settled = await openSettled(rows, (row) => this.open(row));
    if (complete) this.cache.keepOnly(new Set(rows.map((row) => row.studentId)));
    return settled;
  }
}

const indexes = new WeakMap<Vault, RosterIndex>();

function rosterIndex(db: MesaDb): RosterIndex {
  const { vault } = recordIndex(db);
  let index = indexes.get(vault);
  if (!index) {
    index = new RosterIndex(vault);
    indexes.set(vault, index);
  }
  return index;
}

/** Every live student on the roster, decrypted. VaultLockedError while locked. */
export async function readRoster(db: MesaDb): Promise<LocalRosterEntry[]> {
  const index = rosterIndex(db);
  recordIndex(db).key();
  const rows = await db.roster.toArray();
  const { opened } = await Promise.resolve(index.openAll(rows, true));
  return opened.filter((entry) => !entry.deleted);
}

/**
 * The roster's first screenful in the roster's order, opening only those rows
 * (db/rosterOrder.ts); null when no order is stored, and the whole roster must
 * be read. VaultLockedError while locked.
 */
export async function readRosterFirstScreenful(db: MesaDb): Promise<LocalRosterEntry[] | null> {
  const index = rosterIndex(db);
  return screenFirst(async () => {
    const head = await readRosterHead(db);
    if (!head) return null;
    const rows = await db.roster.bulkGet(head.ids);
    const { opened } = await Promise.resolve(index.openAll(rows.filter((row) => row !== undefined), false));
    return opened.filter((entry) => !entry.deleted);
  });
}

/** Opens one stored roster row as every roster read does; throws when it fails its schema. */
export function openRosterRow(db: MesaDb, row: RosterRow): Promise<LocalRosterEntry> {
  return rosterIndex(db).open(row);
}

/** One roster entry, decrypted, or undefined. */
export async function readRosterEntry(db: MesaDb, studentId: string): Promise<LocalRosterEntry | undefined> {
  const index = rosterIndex(db);
  recordIndex(db).key();
  const row = await db.roster.get(studentId);
  return row ? Promise.resolve(index.open(row)) : undefined;
}
