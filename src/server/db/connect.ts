/**
 * Opens the database: PostgreSQL when a URL is given, otherwise SQLite in a file.
 * Returns one handle type so the rest of the server never asks which it is,
 * except where the two truly differ (locking, see migrations.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * SQLite's default BEGIN is deferred: a transaction that reads first and writes
 * later can fail to upgrade its lock. Every write path here runs in a
 * transaction, so every transaction takes the write lock up front.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens (creating if needed) a SQLite database file; ':memory:' for a throwaway one. */
export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const INT8_OID = 20;

/**
 * pg returns bigint columns and count(*) as strings, since they may exceed 2^53.
 * Our counters never do, and the schema types say number, so parse them here.
 */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number.parseInt(value, 10) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Use this schema (search_path) instead of public, e.g. to isolate test runs. */
  schema?: string;
  maxConnections?: number;
}

/** Connects to PostgreSQL. */
export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: pgTypes,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${quoteIdentifier(options.schema)}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens the database the settings name. */
export function openDatabase(settings: { databaseUrl: string | undefined; dataDir: string }): DatabaseHandle {
  return settings.databaseUrl === undefined
    ? openSqlite(path.join(settings.dataDir, 'mesa.sqlite'))
    : openPostgres(settings.databaseUrl);
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a safe schema name: ${name}`);
  return name;
}
