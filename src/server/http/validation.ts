/**
 * zod at the HTTP boundary: parse or answer `invalidBody` with field-level reasons.
 * The shared schemas are zod/mini (the tablet's first load stays small) and the
 * server's own are full zod: both are zod core schemas, parsed the same way here.
 */
import { z } from 'zod';
import { Problem } from './problem';

/** One reason per offending field, with the path written `a.b.0`. */
export function fieldReasons(error: z.core.$ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** The parsed value, or a thrown `invalidBody` problem. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new Problem('invalidBody', fieldReasons(result.error));
  return result.data;
}

/**
 * A page size from the query string: digits only, 1 to 500, `fallback` when
 * absent. Number coercion would take "1.", "1e2" or "0x10" as well; a client
 * sending those has a bug worth a 400, not a guess.
 */
export function pageLimit(fallback: number) {
  return z.string().regex(/^\s*\d+\s*$/, 'Expected a whole number of rows.').transform(Number).pipe(z.number().int().min(1).max(500)).default(fallback);
}

/** Why a string cannot be stored, or null when it can. */
function unstorableReason(text: string): string | null {
  if (text.includes('\u0000')) return 'Contains a NUL character, which cannot be stored.';
  // A lone UTF-16 surrogate is not text: SQLite would store it as invalid UTF-8.
  if (/\p{Surrogate}/u.test(text)) return 'Contains a broken character (a lone surrogate), which cannot be stored.';
  return null;
}

/** Each string inside `value` that cannot be stored, with its path and why. */
function unstorableStrings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (typeof value === 'string') {
    const message = unstorableReason(value);
    return message === null ? [] : [{ path, message }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableStrings(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unstorableStrings(item, [...path, key]));
  return [];
}

/**
 * `schema`, also refusing strings that are not well-formed text: U+0000, which
 * PostgreSQL text cannot hold (it fails the whole statement: a 500, and a push
 * that fails on every retry), and lone surrogates, which SQLite would store as
 * invalid UTF-8. Refusing them at the boundary makes both databases answer the
 * same clear 4xx, or reject the one record.
 */
export function storable<S extends Checkable>(schema: S): S {
  return schema.check(z.superRefine((value, ctx) => {
    for (const { path, message } of unstorableStrings(value)) ctx.addIssue({ code: 'custom', path, message });
  }));
}

/** A full zod or zod/mini schema: both take further checks through `check()`. */
interface Checkable extends z.core.$ZodType {
  check(...checks: z.core.$ZodCheck<unknown>[]): this;
}
