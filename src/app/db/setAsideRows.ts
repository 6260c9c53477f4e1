/**
 * Every stored row that fails its schema, across the stores (see setAside.ts),
 * for the records screen's "This record needs fixing" list, the header's count
 * and the repair view.
 */
import type { Table } from 'dexie';
import { localBatchSchema } from '../crypto/row-schemas';
import { openOutbox } from './outbox';
import { recordIndex } from './records';
import { openRosterRow } from './roster';
import type { MesaDb } from './schema';
import { openSettled, rowKey, toSetAsideRows, type Aside, type SetAsideRow, type SetAsideTable, type StoredRows } from './setAside';
import { rowFingerprint } from './rowFingerprint';
import { screenReadsDone } from './screenFirst';

/** How a row of each table opens: the same opener its lists use, so a row is set aside here exactly when it is there. */
const OPENERS: { [T in SetAsideTable]: (db: MesaDb, row: StoredRows[T]) => Promise<unknown> } = {
  applications: (db, row) => recordIndex(db).open(row),
  batches: async (_db, row) => localBatchSchema.parse(row),
  outbox: (db, row) => openOutbox(recordIndex(db).key(), row),
  roster: (db, row) => openRosterRow(db, row),
};

/** Each table's rows in the order its list shows them (batches newest first). */
const READERS: { [T in SetAsideTable]: (db: MesaDb) => Promise<StoredRows[T][]> } = {
  applications: (db) => db.applications.toArray(),
  batches: (db) => db.batches.orderBy('createdAt').reverse().toArray(),
  outbox: (db) => db.outbox.toArray(),
  roster: (db) => db.roster.toArray(),
};

/** What a row was found to be: as stored (its fingerprint), and why it was set aside, or null when it opened. */
interface Verdict {
  fingerprint: string;
  reason: string | null;
}
/** Verdicts by table and row key. */
type Verdicts = Map<string, Verdict>;

/**
 * What each stored row was found to be, per vault key (a new unlock starts
 * afresh). Whether a row opens depends only on what is stored and the key, so
 * a row stored as before keeps its verdict: the header's count, re-read on
 * every autosave, opens again only the rows that changed.
 */
const verdictsByKey = new WeakMap<CryptoKey, Verdicts>();

/**
 * A row as far as its verdict goes: every plain column, and its seal by IV and
 * length. The app seals every write under a fresh IV, and the record and roster
 * caches already take the IV as the seal's identity (records.ts, roster.ts).
 */
function storedForm(row: object): string | null {
  const { sealed, ...plain } = row as { sealed?: unknown };
  const seal = typeof sealed === 'object' && sealed !== null ? (sealed as Record<string, unknown>) : null;
  const sealId = seal && typeof seal.iv === 'string' && typeof seal.data === 'string' ? { v: seal.v, iv: seal.iv, length: seal.data.length } : sealed;
  return rowFingerprint({ ...plain, sealed: sealId });
}

/**
 * Rows this count opens at a time. It starts at unlock beside whatever screen
 * is open and, on a tablet with 10,000 records, opens every one: all at once,
 * they would queue ahead of the few rows the screen draws first (the records
 * list's first screenful) in the browser's decryption and on the main thread.
 */
const OPEN_AT_ONCE = 100;

/** The rows of `rows` that fail to open, `OPEN_AT_ONCE` at a time, each slice after any first-screenful read in flight. */
async function asideInSlices<Row>(rows: readonly Row[], openRow: (row: Row) => Promise<unknown>): Promise<Aside<Row>[]> {
  const aside: Aside<Row>[] = [];
  for (let at = 0; at < rows.length; at += OPEN_AT_ONCE) {
    if (at > 0) await Promise.resolve(screenReadsDone());
    aside.push(...(await Promise.resolve(openSettled(rows.slice(at, at + OPEN_AT_ONCE), openRow))).aside);
  }
  return aside;
}

/** The table's rows set aside, opening only those stored differently since the last read; notes every verdict in `seen`. */
async function settleTable<T extends SetAsideTable>(db: MesaDb, table: T, known: Verdicts, seen: Verdicts): Promise<Aside<StoredRows[T]>[]> {
  const rows = await READERS[table](db);
  const places = rows.map((row) => ({ id: `${table}\n${rowKey(table, row)}`, fingerprint: storedForm(row) }));
  const unknown = rows.filter((_row, i) => {
    const { id, fingerprint } = places[i]!;
    return fingerprint === null || known.get(id)?.fingerprint !== fingerprint;
  });
  const newlyAside = await asideInSlices(unknown, (row) => OPENERS[table](db, row));
  const reasons = new Map<StoredRows[T], string>(newlyAside.map(({ row, reason }) => [row, reason]));
  const aside: Aside<StoredRows[T]>[] = [];
  rows.forEach((row, i) => {
    const { id, fingerprint } = places[i]!;
    const before = known.get(id);
    const reason = fingerprint !== null && before?.fingerprint === fingerprint ? before.reason : (reasons.get(row) ?? null);
    if (fingerprint !== null) seen.set(id, { fingerprint, reason });
    if (reason !== null) aside.push({ row, reason });
  });
  return aside;
}

/** A row's key as its table holds it (the outbox's are numbers). */
export const keyOf = (table: SetAsideTable, key: string): string | number => (table === 'outbox' ? Number(key) : key);

/** The Dexie table of a set-aside table. */
export function tableOf<T extends SetAsideTable>(db: MesaDb, table: T): Table<StoredRows[T], string | number> {
  return db.table(table);
}

/** Every row set aside on this tablet, records first. VaultLockedError while locked. */
export async function readSetAside(db: MesaDb): Promise<SetAsideRow[]> {
  const key = recordIndex(db).key();
  // Every row of every store: the screen's first screenful goes first (screenFirst.ts).
  await Promise.resolve(screenReadsDone());
  const known = verdictsByKey.get(key) ?? new Map<string, Verdict>();
  const seen: Verdicts = new Map();
  const [apps, batches, outbox, roster] = await Promise.all([
    settleTable(db, 'applications', known, seen),
    settleTable(db, 'batches', known, seen),
    settleTable(db, 'outbox', known, seen),
    settleTable(db, 'roster', known, seen),
  ]);
  // Only rows stored now are remembered: a removed or rewritten row's verdict goes.
  verdictsByKey.set(key, seen);
  const rows = await Promise.resolve(
    Promise.all([
      toSetAsideRows(key, 'applications', apps),
      toSetAsideRows(key, 'batches', batches),
      toSetAsideRows(key, 'outbox', outbox),
      toSetAsideRows(key, 'roster', roster),
    ]),
  );
  return rows.flat();
}

/**
 * One row, checked alone with its table's opener: the row as stored and as the
 * screens list it while it still fails its schema, or undefined when it reads
 * well now (or is gone). VaultLockedError while locked.
 */
export async function findSetAside<T extends SetAsideTable>(db: MesaDb, table: T, key: string): Promise<{ stored: StoredRows[T]; row: SetAsideRow } | undefined> {
  const dataKey = recordIndex(db).key();
  const id = keyOf(table, key);
  const stored = Number.isNaN(id) ? undefined : await tableOf(db, table).get(id);
  if (stored === undefined) return undefined;
  const { aside } = await Promise.resolve(openSettled([stored], (row) => OPENERS[table](db, row)));
  const [row] = await Promise.resolve(toSetAsideRows(dataKey, table, aside));
  return row && { stored, row };
}
