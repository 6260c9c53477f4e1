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
