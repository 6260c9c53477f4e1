/**
 * Server settings, read once from the environment (design section 8).
 * Everything has a default so that `npm start` works with no configuration.
 */
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means SQLite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** When absent, a random secret is made once and kept in the database. */
  serverSecret: string | undefined;
  demoPassword: string | undefined;
  /** Seed the demo center on an empty database: default on for SQLite, off for PostgreSQL. */
  seedDemo: boolean;
  /** The built PWA. */
  distDir: string;
  /** Honour X-Forwarded-For (only behind a proxy you control), for per-IP rate limits. */
  trustProxy: boolean;
  sessionTtlDays: number;
  logLevel: string;
}

/** Reads the settings from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  return {
    port: integer(env.PORT, 8787, 'PORT'),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(nonEmpty(env.DATA_DIR) ?? './data'),
    serverSecret: nonEmpty(env.SERVER_SECRET),
    demoPassword: nonEmpty(env.DEMO_PASSWORD),
    seedDemo: env.SEED_DEMO === undefined ? databaseUrl === undefined : env.SEED_DEMO === '1',
    distDir: path.resolve(nonEmpty(env.DIST_DIR) ?? './dist'),
    trustProxy: env.TRUST_PROXY === '1',
    sessionTtlDays: integer(env.SESSION_TTL_DAYS, 30, 'SESSION_TTL_DAYS'),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (nonEmpty(value) === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}".`);
  return n;
}
