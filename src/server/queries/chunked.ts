/** Splitting multi-row statements under the databases' limits on bound parameters. */

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay well under both. */
const MAX_PARAMETERS = 16_000;

/** `rows` in slices small enough for one multi-row statement of `columns` columns each. */
export function chunkedForInsert<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
