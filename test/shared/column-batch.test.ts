/**
 * The column batch a push is sent as (src/shared/column-batch.ts): any rows of
 * JSON come back exactly as they went, through JSON and the schema; a batch
 * that does not describe its rows is refused with the field it is wrong at;
 * and applications as columns are smaller on the wire than as objects.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnBatchError, columnBatchSchema, fromColumns, MAX_COLUMN_FIELDS, toColumns, type ColumnBatch } from '../../src/shared/column-batch';
import { makeRecords } from '../../bench/lib/fixtures';

const schema = columnBatchSchema(1000);
/** What the server reads: the batch through JSON, then the schema. */
const overTheWire = (rows: Record<string, unknown>[]) => fromColumns(schema.parse(JSON.parse(JSON.stringify(toColumns(rows)))));

// Names an object inherits included: a field may be called `constructor`.
const key = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,5}$/), fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty'));
// `undefined` too: a field holding it is absent, as JSON carries it.
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }));
// Three levels of at most five fields name at most 155 fields, within MAX_COLUMN_FIELDS.
const { row } = fc.letrec((tie) => ({
  row: fc.dictionary(key, fc.oneof({ depthSize: 'small', maxDepth: 2 }, leaf, tie('row')), { maxKeys: 5 }),
}));

/**
 * JSON with every object's fields in name order, and any own field that holds
 * `undefined` written out: two values are the same rows when these are equal.
 * (toStrictEqual compares `constructor`, which a row may have as a field.)
 */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function refusal(batch: ColumnBatch): { path: string; message: string } {
  try {
    fromColumns(batch);
  } catch (error) {
    if (error instanceof ColumnBatchError) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error('the batch was taken');
}

describe('column batch', () => {
  it('gives back any rows of JSON exactly, fields missing from some rows, empty objects and nesting included', () => {
    fc.assert(
      fc.property(fc.array(row as fc.Arbitrary<Record<string, unknown>>, { minLength: 1, maxLength: 12 }), (rows) => {
        // -0 is not JSON: it comes back 0 through any JSON, columns or not.
        // Strict: a field the rows do not carry must not come back, not even as undefined or null.
        expect(canonical(overTheWire(rows))).toBe(canonical(JSON.parse(JSON.stringify(rows))));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves out a field holding undefined, as JSON does, instead of sending it as null', () => {
    const rows = [{ a: 1, review: undefined }, { a: 2, review: true }];
    expect(toColumns(rows)).toEqual({ n: 2, values: { a: [1, 2], review: [true] }, present: { review: [1, 2] } });
    expect(canonical(overTheWire(rows))).toBe(canonical([{ a: 1 }, { a: 2, review: true }]));
  });

  it('refuses to encode a field name that is not a letter followed by letters and digits, which would read back as another field', () => {
    expect(() => toColumns([{ a: { b: 1 }, 'a.b': 2 }])).toThrow(ColumnBatchError);
  });

  it('keeps an object deeper than four levels whole, as one value', () => {
    const rows = [{ a: { b: { c: { d: { e: 1 } } } } }];
    const batch = toColumns(rows);
    expect(batch.values).toEqual({ 'a.b.c.d': [{ e: 1 }] });
    expect(overTheWire(rows)).toEqual(rows);
  });

  it('names a field missing from some rows by the rows that have it, as ranges', () => {
    const batch = toColumns([{ a: 1 }, { a: 2, review: true }, { a: 3, review: false }, { a: 4 }]);
    expect(batch).toEqual({ n: 4, values: { a: [1, 2, 3, 4], review: [true, false] }, present: { review: [1, 3] } });
  });

  it.each<[string, ColumnBatch, { path: string; message: string }]>([
    ['a value short', { n: 2, values: { a: [1] } }, { path: 'a', message: 'It holds 1 values for 2 rows.' }],
    ['a value over', { n: 1, values: { a: [1], b: [1, 2] } }, { path: 'b', message: 'It holds 2 values for 1 rows.' }],
    ['ranges out of order', { n: 4, values: { a: [1, 2] }, present: { a: [2, 3, 0, 1] } }, { path: 'a', message: 'Rows present must be ascending ranges within the batch.' }],
    ['a range past the end', { n: 2, values: { a: [1] }, present: { a: [1, 3] } }, { path: 'a', message: 'Rows present must be ascending ranges within the batch.' }],
    ['a range not closed', { n: 2, values: { a: [1] }, present: { a: [1] } }, { path: 'a', message: 'Rows present come in [start, end) pairs.' }],
    ['a field under no object', { n: 1, values: { 'a.b': [1] } }, { path: 'a.b', message: 'Its parent is not an object field named before it.' }],
    ['a field where its object is not', { n: 2, values: { 'a.b': [1, 2] }, objects: ['a'], present: { a: [0, 1] } }, { path: 'a.b', message: 'A row has this field but not the object that holds it.' }],
    ['a field both object and value', { n: 1, values: { a: [1] }, objects: ['a'] }, { path: 'a', message: 'A field is both an object and a value.' }],
    ['an object named twice', { n: 1, values: {}, objects: ['a', 'a'] }, { path: 'a', message: 'A field is named twice.' }],
    ['rows given for no field', { n: 1, values: { a: [1] }, present: { b: [0, 1] } }, { path: 'b', message: 'Rows present are given for a field the batch does not hold.' }],
  ])('refuses %s, naming the field', (_, batch, expected) => {
    expect(refusal(batch)).toEqual(expected);
  });

  it('never lets a field named __proto__ into a row (the server’s JSON parser refuses it first)', () => {
    const rows = fromColumns(schema.parse(JSON.parse('{"n":1,"values":{"a":[1],"__proto__":[{"polluted":true}]}}')));
    expect(rows).toEqual([{ a: 1 }]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.hasOwn(rows[0]!, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses through its schema more fields than any mutation has, so a body of empty fields buys no work', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_COLUMN_FIELDS + 1 }, (_, i) => [`f${i}`, []]));
    expect(schema.safeParse({ n: 1, values: many }).success).toBe(false);
    expect(schema.safeParse({ n: 1, values: { a: [1] }, present: many }).success).toBe(false);
    const enough = Object.fromEntries(Object.entries(many).slice(1));
    expect(schema.safeParse({ n: 1, values: enough, present: Object.fromEntries(Object.keys(enough).map((k) => [k, []])) }).success).toBe(true);
  });

  it('refuses through its schema a path deeper than four and more rows than allowed', () => {
    expect(schema.safeParse({ n: 1, values: { 'a.b.c.d.e': [1] } }).success).toBe(false);
    expect(columnBatchSchema(2).safeParse({ n: 3, values: { a: [1, 2, 3] } }).success).toBe(false);
  });

  it('puts 250 applications on the wire in fewer gzip bytes than the same rows as objects', () => {
    const rows = makeRecords({ count: 250, schoolIds: ['0190e5a0-0000-7000-8000-000000000001'] }).map((r, i) => ({ mutationId: i + 1, recordId: r.id, studentId: r.studentId, version: 1, application: r.fields }));
    const asObjects = gzipSync(JSON.stringify({ mutations: rows })).length;
    const asColumns = gzipSync(JSON.stringify({ columns: toColumns(rows) })).length;
    expect(asColumns).toBeLessThan(asObjects * 0.85);
  });
});
