/**
 * The REAL server, in-process, over real HTTP on a free port, with a fresh
 * SQLite database in a temporary DATA_DIR and the demo center seeded: what the
 * sync client talks to in the integration tests.
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
  close(): Promise<void>;
}

/** Starts the server on port 0 with its own temporary data directory. */
export async function startServer(): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mesa-sync-'));
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  await migrate(handle);
  await seedDemo(handle, PASSWORD);
  const app = await buildServer({ handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    handle,
    email: DEMO_EMAIL,
    password: PASSWORD,
    enrollments: () => handle.db.selectFrom('enrollments').select(['id', 'status', 'version']).orderBy('id').execute(),
    close: async () => {
      await app.close();
      await handle.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
