/**
 * The REAL server, in-process, over real HTTP on a free port, with a fresh
 * SQLite database in a temporary DATA_DIR (or a database the test opens, such
 * as PostgreSQL from test/server/helpers/databases.ts) and the demo center
 * seeded: what the sync client talks to in the integration tests.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../../src/server/app';
import { openDatabase, type DatabaseHandle } from '../../../src/server/db/connect';
import { migrate } from '../../../src/server/db/migrations';
import { DEMO_EMAIL, seedDemo } from '../../../src/server/seed';

export const PASSWORD = 'correct horse battery';

/** A running server and how to reach and inspect it. */
export interface TestServer {
  baseUrl: string;
  handle: DatabaseHandle;
  email: string;
  password: string;
  /** Enrollments the server holds, by record id. */
  enrollments(): Promise<{ id: string; status: string; version: number }[]>;
  /**
   * Resolves when the server has sent its next answer to `route` (as registered:
   * 'GET /api/enrollments', 'POST /api/enrollments/:id/approve'). Call it before the
   * action that makes the request. A screen test that awaits it before looking for
   * what the answer shows waits for the server however loaded the machine is, and
   * leaves the screen only its own rendering to do within the find's time.
   */
  nextAnswer(route: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite database in a temporary data directory, removed when it is closed. */
async function temporarySqlite(): Promise<DatabaseHandle> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mesa-sync-'));
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the server on port 0 over a fresh, migrated database (its own temporary SQLite unless `open` gives another). */
export async function startServer(open: () => Promise<DatabaseHandle> = temporarySqlite): Promise<TestServer> {
  const handle = await open();
  await seedDemo(handle, PASSWORD);
  const app = await buildServer({ handle, logger: false });
  const waiting = new Map<string, (() => void)[]>();
  app.addHook('onResponse', async (request) => {
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const resolvers = waiting.get(route) ?? [];
    waiting.delete(route);
    for (const resolve of resolvers) resolve();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    handle,
    email: DEMO_EMAIL,
    password: PASSWORD,
    enrollments: () => handle.db.selectFrom('enrollments').select(['id', 'status', 'version']).orderBy('id').execute(),
    nextAnswer: (route) =>
      new Promise<void>((resolve) => {
        waiting.set(route, [...(waiting.get(route) ?? []), resolve]);
      }),
    close: async () => {
      // The test is over: a request a screen still has out (a list reloading
      // after the last action) is dropped, not waited for. The admin screens'
      // teardown once passed its 30 s hook timeout on a loaded machine; which
      // wait held it was not found, and this rules out connections still open.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await handle.close();
    },
  };
}
