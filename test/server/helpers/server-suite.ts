/**
 * The set-up most server suites share: a fresh database, the server on it, a
 * center, a signed-in member; all closed after the suite.
 *
 * Called in a describe body, these register the hooks and hand out the suite's
 * objects at once, empty; the hooks fill them in before the tests run. So a
 * suite names them as constants (`handle.db`, `server.url`, `center.schoolIds`)
 * in its tests and in hooks of its own registered after the call, which run
 * after these (vitest runs beforeAll hooks in order, afterAll hooks in reverse).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { BuildServerOptions } from '../../../src/server/app';
import type { TestDatabase, TestHandle } from './databases';
import { makeCenter, type CenterFixture } from './fixtures';
import { signIn, startServer, type RunningServer } from './http';

export type Session = Awaited<ReturnType<typeof signIn>>;

export interface SuiteHooks {
  /** A fresh database (and server, center, session) for each test instead of one for the whole suite. */
  perTest?: boolean;
}

/** The suite's hooks: once around all its tests, or around each. */
function hooks(options: SuiteHooks) {
  return options.perTest ? { before: beforeEach, after: afterEach } : { before: beforeAll, after: afterAll };
}

/** A fresh migrated database, closed (and removed) after the suite. */
export function useDatabase(database: TestDatabase, options: SuiteHooks = {}): { handle: TestHandle } {
  const { before, after } = hooks(options);
  const handle = {} as TestHandle;
  let opened: TestHandle | undefined;
  before(async () => {
    opened = await database.open();
    Object.assign(handle, opened);
  });
  after(async () => {
    await opened?.close();
    opened = undefined;
  });
  return { handle };
}

/**
 * A built app's folder of the suite's own, holding `files` (paths relative to
 * it) and whatever `finish` adds, removed after the suite. Its path is known at
 * once, so a server registered after it can serve it (`server: { distDir }`).
 */
export function useDistDir(files: Record<string, string | Uint8Array>, finish?: (dir: string) => Promise<unknown>): { dir: string } {
  const dir = path.join(os.tmpdir(), `mesa-dist-${randomBytes(6).toString('hex')}`);
  beforeAll(async () => {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    await finish?.(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir };
}

export interface ServerOptions extends SuiteHooks {
  /** What the suite's server is built with, beyond the database. */
  server?: Partial<BuildServerOptions>;
}

/** A fresh database and the server on it, listening on a free port; both closed after the suite. */
export function useServer(database: TestDatabase, options: ServerOptions = {}): { handle: TestHandle; server: RunningServer } {
  const { handle } = useDatabase(database, options);
  const { before, after } = hooks(options);
  const server = {} as RunningServer;
  let running: RunningServer | undefined;
  before(async () => {
    running = await startServer(handle, options.server);
    Object.assign(server, running);
  });
  after(async () => {
    await running?.close();
    running = undefined;
  });
  return { handle, server };
}

export interface ServerSuiteOptions extends ServerOptions {
  /** makeCenter's label for the suite's center. */
  center?: string;
  /** Who of the center signs in before the tests: its advisor or its administrator. */
  signIn?: 'advisor' | 'admin';
}

export interface ServerSuite {
  handle: TestHandle;
  server: RunningServer;
  /** A center of the suite's own, with two schools, an advisor and an administrator. */
  center: CenterFixture;
}

/** A fresh database, the server on it and a center; with `signIn`, that member's session. */
export function useServerSuite(database: TestDatabase, options: ServerSuiteOptions & { signIn: 'advisor' | 'admin' }): ServerSuite & { session: Session };
export function useServerSuite(database: TestDatabase, options?: ServerSuiteOptions): ServerSuite;
export function useServerSuite(database: TestDatabase, options: ServerSuiteOptions = {}): ServerSuite & { session: Session } {
  const { handle, server } = useServer(database, options);
  const { before } = hooks(options);
  const center = {} as CenterFixture;
  const session = {} as Session;
  before(async () => {
    Object.assign(center, await makeCenter(handle, options.center));
    if (options.signIn === undefined) return;
    const member = center[options.signIn];
    Object.assign(session, await signIn(server.url, member.email, member.password));
  });
  return { handle, server, center, session };
}
