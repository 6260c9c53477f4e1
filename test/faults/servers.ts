/**
 * The real server for the fault suite, two ways: in-process on a test database
 * (SQLite, or PostgreSQL when DATABASE_URL is set), and as a child process
 * (`node --import tsx src/server/main.ts`) on a temporary DATA_DIR that can be
 * killed with SIGKILL and started again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net, { type AddressInfo } from 'node:net';
import { createUser } from '../../src/server/accounts';
import { buildServer } from '../../src/server/app';
import { openSqlite, type DatabaseHandle } from '../../src/server/db/connect';
import { findUserByEmail } from '../../src/server/queries/users';
import { DEMO_EMAIL, seedDemo } from '../../src/server/seed';
import type { TestDatabase } from '../server/helpers/databases';

export const PASSWORD = 'correct horse battery';

/** An in-process server on a fresh database with the demo center seeded. */
export interface InProcessServer {
  url: string;
  handle: DatabaseHandle;
  /** Adds an advisor to the demo center (the admin command's function); returns their credentials. */
  addAdvisor(label: string): Promise<{ email: string; password: string }>;
  close(): Promise<void>;
}

/** Adds an advisor of the demo center to the database behind `handle`. */
export async function addDemoAdvisor(handle: DatabaseHandle, label: string): Promise<{ email: string; password: string }> {
  const demo = await findUserByEmail(handle.db, DEMO_EMAIL);
  if (!demo) throw new Error('The demo center is not seeded.');
  const email = `${label}@mesa.example`;
  await createUser(handle.db, { email, name: `Advisor ${label}`, role: 'advisor', centerId: demo.center_id, password: PASSWORD });
  return { email, password: PASSWORD };
}

/** Opens `database`, seeds the demo center and listens on a free port. */
export async function startInProcess(database: TestDatabase): Promise<InProcessServer> {
  const handle = await database.open();
  await seedDemo(handle, PASSWORD);
  const app = await buildServer({ handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handle,
    addAdvisor: (label) => addDemoAdvisor(handle, label),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** The server as `npm start` runs it, in a child process. */
export interface ChildServer {
  url: string;
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Kills the process hard, as a power cut would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (the server is restarted on a new one each time). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    // Any answer from the API (401 without a token) means it is listening.
    const answered = await fetch(`${url}/api/session`).then(() => true, () => false);
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`server did not answer within 30 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `src/server/main.ts` on `dataDir` (SQLite) with the demo center seeded
 * on first start; `settings` override the environment (undefined removes one).
 */
export async function startChild(dataDir: string, settings: Record<string, string | undefined> = {}): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', ...settings };
  delete env.DATABASE_URL;
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, () => log);
  } catch (error) {
    // A server that never answered must not outlive the test run.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    dataDir,
    output: () => log,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A temporary data folder, and the SQLite database in it opened from this process. */
export function tempDataDir(): { dataDir: string; open(): DatabaseHandle; remove(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesa-faults-'));
  return {
    dataDir,
    open: () => openSqlite(path.join(dataDir, 'mesa.sqlite')),
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
