/**
 * The one place that reads database errors. Both drivers put a string `code`
 * on their errors: PostgreSQL's SQLSTATE, better-sqlite3's SQLITE_* name.
 */
import type { ProblemName } from '../../shared/problems';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A unique or primary-key constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A transaction lost a race with another one and would succeed if run again:
 * a unique violation (someone committed the same key first), a deadlock or a
 * serialization failure, or a busy SQLite file.
 */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return isUniqueViolation(error) || code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

/** SQLite's codes for a value or row the database will not store. */
const SQLITE_REFUSALS = new Set(['SQLITE_MISMATCH', 'SQLITE_TOOBIG', 'SQLITE_RANGE', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/**
 * The database refused a value or a row (PostgreSQL's data exceptions, class 22,
 * and integrity violations, class 23, other than a unique one, which is a race;
 * SQLite's equivalents): the same write fails on every retry, so the record
 * that made it is refused, not the request. Anything else (a trigger's own
 * abort, a lost connection) may pass on a retry, so the whole push fails and
 * nothing of it is stored (test/server/push-atomic.test.ts).
 */
export function isRecordRefusal(error: unknown): boolean {
  const code = codeOf(error);
  if (code === undefined || isUniqueViolation(error)) return false;
  return /^2[23][0-9A-Z]{3}$/.test(code) || SQLITE_REFUSALS.has(code);
}

/** The API problem a database error stands for, if it is one the client can act on. */
export function databaseProblem(error: unknown): ProblemName | undefined {
  return isUniqueViolation(error) ? 'conflict' : undefined;
}

/**
 * Database errors can carry row values (PostgreSQL's `detail` names the
 * duplicate key, which may be an SSID). Logs get only what is safe.
 */
export function loggableError(error: unknown): { type: string; code?: string; message: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const code = codeOf(error);
  return { type: error.name, ...(code === undefined ? {} : { code }), message: code === undefined ? error.message : `database error ${code}` };
}
