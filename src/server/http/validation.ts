/** zod at the HTTP boundary: parse or answer `invalidBody` with field-level reasons. */
import type { z } from 'zod';
import { Problem } from './problem';

/** One reason per offending field, with the path written `a.b.0`. */
export function fieldReasons(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** The parsed value, or a thrown `invalidBody` problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Problem('invalidBody', fieldReasons(result.error));
  return result.data;
}

/** Paths of the strings inside `value` that contain U+0000. */
function nulPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
  return [];
}

/**
 * `schema`, also refusing U+0000 in any string. PostgreSQL text cannot hold it
 * and fails the whole statement (a 500, and a push that fails on every retry),
 * while SQLite would store it: refusing it at the boundary makes both databases
 * answer the same clear 4xx, or reject the one record.
 */
export function withoutNul<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    for (const path of nulPaths(value)) ctx.addIssue({ code: 'custom', path, message: 'Contains a NUL character, which cannot be stored.' });
  }) as S;
}
