/**
 * Rows that fail their schema (design section 14): a value an older version let
 * through (a birth date of year 30315), a damaged seal, a row written by another
 * tool. Every read opens rows one by one and sets such a row aside instead of
 * failing the list, the review, sync or a backup; the screens list it as "This
 * record needs fixing" and the repair view shows what could be read of it.
 */
import { z } from 'zod/mini';
import { fieldLabel } from '../../shared/application';
import { VaultLockedError } from '../crypto/errors';
import { open, sealedSchema } from '../crypto/seal';
import { applicationContext, outboxContext } from '../crypto/sealed-fields';
import { rosterContext } from '../crypto/sealed-roster';
import type { ApplicationRow, LocalBatch, OutboxRecordRow, RosterRow } from './schema';

/** The stores whose rows have a schema. */
export const SET_ASIDE_TABLES = ['applications', 'batches', 'outbox', 'roster'] as const;
export type SetAsideTable = (typeof SET_ASIDE_TABLES)[number];

/** Whether `name` is one of those stores (a path part of the repair view, say). */
export function isSetAsideTable(name: string | undefined): name is SetAsideTable {
  return (SET_ASIDE_TABLES as readonly (string | undefined)[]).includes(name);
}

/** One stored row that could not be read as its schema says. */
export interface SetAsideRow {
  table: SetAsideTable;
  /** The row's key in its table, as text. */
  key: string;
  /** The batch the row belongs to, when its plain columns say so. */
  batchId: string | null;
  /** Which values do not fit, in words and without the values themselves. */
  reason: string;
  /** What could be read of the row: its sealed part opened when the seal opens, else the row as it is stored. */
  readable: Record<string, unknown>;
}

/** A row that failed its schema, as stored, with why. */
export interface Aside<Row> {
  row: Row;
  reason: string;
}

/** The rows that opened, and the ones set aside with why. */
export interface Settled<Row, T> {
  opened: T[];
  aside: Aside<Row>[];
}

/** Each set-aside table's rows as Dexie holds them. */
export interface StoredRows {
  applications: ApplicationRow;
  batches: LocalBatch;
  outbox: OutboxRecordRow;
  roster: RosterRow;
}

/** How many values a reason names before it says "and N more". */
const MAX_NAMED = 4;

/** A paper field by its label ("Date of birth"), any other column by its path. */
function fieldName(path: string[]): string {
  if (path[0] === 'fields' && path[1] !== undefined) return fieldLabel(path[1]);
  return path.join('.') || 'the row itself';
}

/** Which values of a row do not fit, in words: field paths only, never the values (they may be pupil data). */
export function describeReadFailure(error: unknown): string {
  if (error instanceof z.core.$ZodError) {
    const names = [...new Set(error.issues.map((issue) => fieldName(issue.path.map(String))))];
    const shown = names.length > MAX_NAMED ? [...names.slice(0, MAX_NAMED), `${names.length - MAX_NAMED} more`] : names;
    return `These values do not fit: ${shown.join(', ')}.`;
  }
  if (error instanceof Error && error.name === 'SealBrokenError') return 'Its encrypted part could not be opened.';
  return 'It could not be read.';
}

/**
 * Opens each row with `open`, setting aside the ones that fail. A locked vault
 * is not a bad row: it stops the whole read, as before.
 */
export async function openSettled<Row, T>(rows: readonly Row[], openRow: (row: Row) => Promise<T>): Promise<Settled<Row, T>> {
  const results = await Promise.allSettled(rows.map((row) => openRow(row)));
  const settled: Settled<Row, T> = { opened: [], aside: [] };
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') settled.opened.push(result.value);
    else if (result.reason instanceof VaultLockedError) throw result.reason;
    else settled.aside.push({ row: rows[i] as Row, reason: describeReadFailure(result.reason) });
  });
  return settled;
}

function plainObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : { value };
}

/**
 * What can be read of a set-aside row: its plain columns, with the sealed part
 * opened in place when it opens under `context` (else left out and said so).
 */
export async function readableRow(key: CryptoKey, row: unknown, context: string | null): Promise<Record<string, unknown>> {
  const plain = plainObject(row);
  const seal = sealedSchema.safeParse(plain.sealed);
  if (!seal.success || context === null) return plain;
  delete plain.sealed;
  try {
    return { ...plain, ...plainObject(await open(key, seal.data, context)) };
  } catch (error) {
    if (error instanceof VaultLockedError) throw error;
    return { ...plain, sealed: '(encrypted part could not be opened)' };
  }
}

/** Where a row of each table belongs: its key as text, its batch, and the context its sealed part opens under (null: none). */
const PLACES: { [T in SetAsideTable]: (row: StoredRows[T]) => { key: string; batchId: string | null; context: string | null } } = {
  applications: (row) => ({ key: String(row.id), batchId: typeof row.batchId === 'string' ? row.batchId : null, context: applicationContext(String(row.id)) }),
  batches: (row) => ({ key: String(row.id), batchId: String(row.id), context: null }),
  outbox: (row) => ({ key: String(row.mutationId), batchId: null, context: outboxContext(String(row.recordId), row.version) }),
  roster: (row) => ({ key: String(row.studentId), batchId: null, context: rosterContext(String(row.studentId)) }),
};

/** A row's key in its table, as text. */
export function rowKey<T extends SetAsideTable>(table: T, row: StoredRows[T]): string {
  return PLACES[table](row).key;
}

/** Rows of `table` set aside, as the screens list them: with what could be read of each (readableRow). */
export function toSetAsideRows<T extends SetAsideTable>(key: CryptoKey, table: T, aside: readonly Aside<StoredRows[T]>[]): Promise<SetAsideRow[]> {
  return Promise.all(
    aside.map(async ({ row, reason }) => {
      const { context, ...place } = PLACES[table](row);
      return { table, ...place, reason, readable: await readableRow(key, row, context) };
    }),
  );
}
