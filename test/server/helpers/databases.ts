/**
 * The databases the storage suite runs on: SQLite always, PostgreSQL when
 * DATABASE_URL is set. Each `open()` gives a fresh, migrated database: a temp
 * SQLite file, or a PostgreSQL schema of its own that `close()` drops.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../../src/server/db/connect';
import { migrate } from '../../../src/server/db/migrations';

/** A test's database, and how a server process of its own reaches the same one. */
export interface TestHandle extends DatabaseHandle {
  /** DATA_DIR or DATABASE_URL for src/server/main.ts. */
  processEnv: Record<string, string>;
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestHandle>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesa-server-test-'));
    // The file name the server uses under DATA_DIR, so a server process can share it.
    const handle = openSqlite(path.join(dir, 'mesa.sqlite'));
    await migrate(handle);
    return {
      ...handle,
      processEnv: { DATA_DIR: dir },
      async close() {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const handle = openPostgres(url, { schema, maxConnections: 5 });
      await migrate(handle);
      const processUrl = new URL(url);
      processUrl.searchParams.set('options', `-c search_path=${schema}`);
      return {
        ...handle,
        processEnv: { DATABASE_URL: processUrl.toString() },
        async close() {
          await handle.close();
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          await dropper.query(`drop schema ${schema} cascade`);
          await dropper.end();
        },
      };
    },
  };
}

/** For `describe.each`. */
export const DATABASES: TestDatabase[] = process.env.DATABASE_URL ? [sqlite, postgres(process.env.DATABASE_URL)] : [sqlite];
