/**
 * A PostgreSQL schema of the benchmark's own: PostgreSQL keeps whatever earlier
 * runs and test suites left, so a measure that needs a fresh database makes a
 * schema, migrates it, and drops it with everything in it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type DatabaseHandle } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrations';

/** A fresh, migrated schema while it lasts. */
export interface FreshSchema {
  name: string;
  /** DATABASE_URL with the schema as its search_path, for a server process. */
  databaseUrl: string;
  /** A connection on the schema (at most two at once). */
  handle: DatabaseHandle;
  /** Runs SQL on a connection of its own to the database (not the schema's search_path). */
  query(sql: string): Promise<void>;
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Makes a fresh schema on `databaseUrl`, migrates it, runs `fn` on it, and drops it whatever `fn` does. */
export async function withFreshSchema<T>(databaseUrl: string, fn: (schema: FreshSchema) => Promise<T>): Promise<T> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(databaseUrl, `create schema ${name}`);
  try {
    const handle = openPostgres(databaseUrl, { schema: name, maxConnections: 2 });
    try {
      await migrate(handle);
      const url = new URL(databaseUrl);
      url.searchParams.set('options', `-c search_path=${name}`);
      return await fn({ name, databaseUrl: url.toString(), handle, query: (sql) => adminQuery(databaseUrl, sql) });
    } finally {
      await handle.close();
    }
  } finally {
    await adminQuery(databaseUrl, `drop schema ${name} cascade`);
  }
}
