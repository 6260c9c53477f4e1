/**
 * A batch of rows sent as columns: each field's name once per batch and its
 * values side by side (every first name, then every last name, …). gzip finds
 * more to share between values of one field than between whole rows, and no
 * name repeats: a push of 250 applications gzips about a fifth smaller than the
 * same rows as JSON objects (issue 14, sync at the wire's pace).
 *
 * The encoding is lossless for any rows of JSON values whose field names are
 * identifiers, as JSON itself carries them (a field holding `undefined` is
 * absent): a field that is a plain object in every row that has it is split
 * into its own fields ("application.firstName"), and a field missing from
 * some rows names the rows that have it. The server
 * turns a batch back into rows and validates each row as before; `fromColumns`
 * checks only that the batch is consistent, and says where it is not.
 */
import { z } from 'zod/mini';

/** A field's name: a letter, then letters and digits. */
const NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/**
 * A field's path: names joined by dots, at most four deep. A batch cannot name
 * `__proto__` (zod's record parser drops that key, and the server's JSON parser
 * refuses a body holding it); every write in `fromColumns` is an own property
 * of a fresh object.
 */
const PATH = /^[A-Za-z][A-Za-z0-9]{0,63}(\.[A-Za-z][A-Za-z0-9]{0,63}){0,3}$/;
const MAX_DEPTH = 4;

/**
 * The most fields a batch may name (an application mutation has about forty):
 * each field costs the server a pass over the rows, so a body of many empty
 * fields must not buy work out of proportion to its size.
 */
export const MAX_COLUMN_FIELDS = 256;

const path = z.string().check(z.regex(PATH));
const fewFields = z.refine<Record<string, unknown>>((record) => Object.keys(record).length <= MAX_COLUMN_FIELDS, `At most ${MAX_COLUMN_FIELDS} fields.`);

/** The schema of a batch of at most `maxRows` rows. */
export function columnBatchSchema(maxRows: number) {
  return z.object({
    /** How many rows. */
    n: z.int().check(z.positive(), z.maximum(maxRows)),
    /** A field's values, in row order, for the rows that have it. */
    values: z.record(path, z.array(z.unknown())).check(fewFields),
    /** The fields that are objects split into their own fields. */
    objects: z.optional(z.array(path).check(z.maxLength(MAX_COLUMN_FIELDS))),
    /** The rows that have a field, as [start, end) pairs, for a field not in every row. */
    present: z.optional(z.record(path, z.array(z.int().check(z.nonnegative()))).check(fewFields)),
  });
}
export type ColumnBatch = z.infer<ReturnType<typeof columnBatchSchema>>;

/** A batch that does not describe its rows: the field's path and why. */
export class ColumnBatchError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Row = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `row` has the field `key`, as JSON would carry it: its own, and not `undefined`. */
const holds = (row: Row, key: string) => Object.hasOwn(row, key) && row[key] !== undefined;

/** The fields under `prefix` that are plain objects wherever they are present (split further), and the rest. */
function collectPaths(rows: readonly Row[], depth: number, prefix: string, objects: string[], leaves: Set<string>) {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (holds(row, key)) keys.add(key);
  for (const key of keys) {
    const full = prefix + key;
    // Refused here rather than kept whole: a name with a dot would read back as a nested field.
    if (!NAME.test(key)) throw new ColumnBatchError(full, 'A field name must be a letter followed by letters and digits.');
    const present = rows.filter((row) => holds(row, key));
    if (depth < MAX_DEPTH && present.every((row) => isPlainObject(row[key]))) {
      objects.push(full);
      collectPaths(present.map((row) => row[key] as Row), depth + 1, `${full}.`, objects, leaves);
    } else {
      leaves.add(full);
    }
  }
}

/** The value at the path `keys` in `row`, or `found: false` when a step is missing. */
function lookup(row: Row, keys: readonly string[]): { found: boolean; value?: unknown } {
  let at: unknown = row;
  for (const key of keys) {
    if (!isPlainObject(at) || !holds(at, key)) return { found: false };
    at = at[key];
  }
  return { found: true, value: at };
}

/** [start, end) pairs of the indices where `has` is true. */
function ranges(has: readonly boolean[]): number[] {
  const out: number[] = [];
  has.forEach((yes, i) => {
    if (!yes) return;
    if (out.length > 0 && out[out.length - 1] === i) out[out.length - 1] = i + 1;
    else out.push(i, i + 1);
  });
  return out;
}

/** `rows` as one column batch; throws ColumnBatchError on a field name that is not a letter followed by letters and digits. */
export function toColumns(rows: readonly Row[]): ColumnBatch {
  const objects: string[] = [];
  const leaves = new Set<string>();
  collectPaths(rows, 1, '', objects, leaves);
  const values: Record<string, unknown[]> = {};
  const present: Record<string, number[]> = {};
  for (const p of [...objects, ...leaves]) {
    const keys = p.split('.');
    const found = rows.map((row) => lookup(row, keys));
    if (leaves.has(p)) values[p] = found.filter((f) => f.found).map((f) => f.value);
    if (found.some((f) => !f.found)) present[p] = ranges(found.map((f) => f.found));
  }
  return { n: rows.length, values, ...(objects.length > 0 ? { objects } : {}), ...(Object.keys(present).length > 0 ? { present } : {}) };
}

/** Which of `n` rows a path's ranges name, checking they are ascending and within the batch. */
function rowsPresent(p: string, pairs: readonly number[] | undefined, n: number): boolean[] {
  if (pairs === undefined) return new Array<boolean>(n).fill(true);
  if (pairs.length % 2 !== 0) throw new ColumnBatchError(p, 'Rows present come in [start, end) pairs.');
  const has = new Array<boolean>(n).fill(false);
  let last = -1;
  for (let i = 0; i < pairs.length; i += 2) {
    const start = pairs[i]!;
    const end = pairs[i + 1]!;
    if (start <= last || end <= start || end > n) throw new ColumnBatchError(p, 'Rows present must be ascending ranges within the batch.');
    has.fill(true, start, end);
    last = end;
  }
  return has;
}

/** The rows given for `p`, its own entry only: a field may be named `constructor`. */
const presentOf = (batch: ColumnBatch, p: string) => (batch.present && Object.hasOwn(batch.present, p) ? batch.present[p] : undefined);

const parentOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('.')));
const lastKey = (p: string) => p.slice(p.lastIndexOf('.') + 1);

/** The rows a batch describes; throws ColumnBatchError where it is not consistent. */
export function fromColumns(batch: ColumnBatch): Row[] {
  const { n } = batch;
  const rows: Row[] = Array.from({ length: n }, () => ({}));
  // The object a path's value goes into, per row; the root is the row itself.
  const holders = new Map<string, (Row | undefined)[]>([['', rows]]);
  const place = (p: string, has: readonly boolean[], valueAt: (i: number) => unknown) => {
    const parents = holders.get(parentOf(p));
    if (!parents) throw new ColumnBatchError(p, 'Its parent is not an object field named before it.');
    const key = lastKey(p);
    let next = 0;
    has.forEach((yes, i) => {
      if (!yes) return;
      const parent = parents[i];
      if (!parent) throw new ColumnBatchError(p, 'A row has this field but not the object that holds it.');
      if (Object.hasOwn(parent, key)) throw new ColumnBatchError(p, 'A field is named twice.');
      parent[key] = valueAt(next++);
    });
  };
  // Objects first, parents before children: a path's parent is a shorter path.
  const objects = [...(batch.objects ?? [])].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const p of objects) {
    if (Object.hasOwn(batch.values, p)) throw new ColumnBatchError(p, 'A field is both an object and a value.');
    const has = rowsPresent(p, presentOf(batch, p), n);
    const made: (Row | undefined)[] = has.map(() => undefined);
    place(p, has, () => ({}));
    const parents = holders.get(parentOf(p))!;
    has.forEach((yes, i) => {
      if (yes) made[i] = parents[i]![lastKey(p)] as Row;
    });
    holders.set(p, made);
  }
  for (const [p, values] of Object.entries(batch.values)) {
    const has = rowsPresent(p, presentOf(batch, p), n);
    const count = has.filter(Boolean).length;
    if (values.length !== count) throw new ColumnBatchError(p, `It holds ${values.length} values for ${count} rows.`);
    place(p, has, (i) => values[i]);
  }
  for (const p of Object.keys(batch.present ?? {})) {
    if (!holders.has(p) && !Object.hasOwn(batch.values, p)) throw new ColumnBatchError(p, 'Rows present are given for a field the batch does not hold.');
  }
  return rows;
}
