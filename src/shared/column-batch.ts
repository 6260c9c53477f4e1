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

/** Rows of the batch by index, each with the object found at the current depth. */
type Level = readonly { row: number; value: Row }[];

/** [start, end) pairs of ascending row indices. */
function ranges(rows: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of rows) {
    if (out.length > 0 && out[out.length - 1] === i) out[out.length - 1] = i + 1;
    else out.push(i, i + 1);
  }
  return out;
}

/**
 * Adds the fields under `prefix` to `batch`, in one walk of the rows: a field
 * that is a plain object in every row that has it is split further (to
 * MAX_DEPTH), any other is one column of values.
 */
function addFields(level: Level, depth: number, prefix: string, batch: Required<ColumnBatch>) {
  const keys = new Set<string>();
  for (const { value } of level) for (const key of Object.keys(value)) if (holds(value, key)) keys.add(key);
  for (const key of keys) {
    const path = prefix + key;
    // Refused here rather than kept whole: a name with a dot would read back as a nested field.
    if (!NAME.test(key)) throw new ColumnBatchError(path, 'A field name must be a letter followed by letters and digits.');
    const here = level.filter(({ value }) => holds(value, key)).map(({ row, value }) => ({ row, value: value[key] }));
    if (here.length < batch.n) batch.present[path] = ranges(here.map(({ row }) => row));
    if (depth < MAX_DEPTH && here.every(({ value }) => isPlainObject(value))) {
      batch.objects.push(path);
      addFields(here as Level, depth + 1, `${path}.`, batch);
    } else {
      batch.values[path] = here.map(({ value }) => value);
    }
  }
}

/** `rows` as one column batch; throws ColumnBatchError on a field name that is not a letter followed by letters and digits. */
export function toColumns(rows: readonly Row[]): ColumnBatch {
  const batch: Required<ColumnBatch> = { n: rows.length, values: {}, objects: [], present: {} };
  addFields(rows.map((value, row) => ({ row, value })), 1, '', batch);
  const { n, values, objects, present } = batch;
  return { n, values, ...(objects.length > 0 ? { objects } : {}), ...(Object.keys(present).length > 0 ? { present } : {}) };
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
  /** Puts the field `p` into the rows that have it; returns what each row got. */
  const place = <T>(p: string, has: readonly boolean[], valueAt: (i: number) => T): (T | undefined)[] => {
    const parents = holders.get(parentOf(p));
    if (!parents) throw new ColumnBatchError(p, 'Its parent is not an object field named before it.');
    const key = lastKey(p);
    let next = 0;
    return has.map((yes, i) => {
      if (!yes) return undefined;
      const parent = parents[i];
      if (!parent) throw new ColumnBatchError(p, 'A row has this field but not the object that holds it.');
      if (Object.hasOwn(parent, key)) throw new ColumnBatchError(p, 'A field is named twice.');
      const value = valueAt(next++);
      parent[key] = value;
      return value;
    });
  };
  // Objects first, parents before children: a path's parent is a shorter path.
  const objects = [...(batch.objects ?? [])].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const p of objects) {
    if (Object.hasOwn(batch.values, p)) throw new ColumnBatchError(p, 'A field is both an object and a value.');
    holders.set(p, place<Row>(p, rowsPresent(p, presentOf(batch, p), n), () => ({})));
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
