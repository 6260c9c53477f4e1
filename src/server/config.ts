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
  /** Which X-Forwarded-For hops to believe, for per-IP rate limits and logs (see trustProxyFrom). */
  trustProxy: TrustProxy;
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
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    sessionTtlDays: integer(env.SESSION_TTL_DAYS, 30, 'SESSION_TTL_DAYS'),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
  };
}

/**
 * Which proxies' X-Forwarded-For entries Fastify may believe: false (the socket's
 * address is the caller), or the proxies' addresses and CIDRs. Never `true`:
 * that believes the first hop, which the caller writes.
 */
export type TrustProxy = false | string;

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads TRUST_PROXY: unset trusts no proxy; otherwise a comma-separated list of
 * the proxies' addresses or CIDRs (or loopback, linklocal, uniquelocal). The
 * caller's address is then the last X-Forwarded-For entry not written by one of
 * them. A hop count is refused: Fastify cannot check that the peer is a proxy.
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const text = nonEmpty(value);
  if (text === undefined) return false;
  const entries = text.split(',').map((a) => a.trim());
  const valid = (entry: string): boolean => RANGE_NAMES.has(entry) || (/[.:]/.test(entry) && /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry));
  if (!entries.every(valid)) {
    throw new Error(`TRUST_PROXY must list the proxies' addresses or CIDRs (e.g. 10.0.0.5 or 10.0.0.0/8), got "${text}".`);
  }
  return entries.join(',');
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
