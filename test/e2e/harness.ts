/**
 * End-to-end harness: the real server (as `npm start` runs it, on a fresh SQLite
 * data folder) and the system Chromium driven by playwright-core.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verificationSchema, type Verification } from '../../src/shared/verification-record';

// Service-worker fetches are invisible to context.route() unless this is set
// before the browser starts (design section 12).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const { chromium } = await import('playwright-core');
type Browser = import('playwright-core').Browser;
type BrowserContext = import('playwright-core').BrowserContext;
type Page = import('playwright-core').Page;

export const DEMO_EMAIL = 'demo@mesa.example';
export const DEMO_PASSWORD = 'e2e-demo-passphrase';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the process hard, as a crash would, keeping its data folder. */
  kill: () => Promise<void>;
}

/** Starts the real server on a fresh data folder (or the one given) and waits until it answers. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mesa-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD, ...options.env };
  // The browser suite runs on the embedded database, as `npm start` does.
  delete env.DATABASE_URL;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    dataDir,
    output: () => log,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches the system Chromium headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A tablet-sized context: portrait 768x1024 with touch. */
export async function tabletContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, hasTouch: true, serviceWorkers: 'allow' });
}

/**
 * Cuts the network for the pages AND the service worker. setOffline alone does
 * not stop the worker's own fetches, so every request is also aborted.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**', (route) => route.abort('internetdisconnected'));
}

/** Restores the network cut by goOffline. */
export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}

/**
 * A first visit is not yet controlled by the service worker: wait until it is
 * ready, then reload once so the page is served through it.
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** What the server's database holds, read straight from its SQLite file. */
export function serverEnrollments(dataDir: string): { id: string; studentId: string; ssid: string | null; lastName: string }[] {
  const db = new Database(join(dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select e.id as id, e.student_id as studentId, s.ssid as ssid, s.last_name as lastName from enrollments e join students s on s.id = e.student_id order by e.id')
      .all() as { id: string; studentId: string; ssid: string | null; lastName: string }[];
  } finally {
    db.close();
  }
}

/** The verification the server keeps with the enrollment of the student named `lastName`, parsed; undefined when it has none. */
export function serverVerification(dataDir: string, lastName: string): Verification | undefined {
  const db = new Database(join(dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select e.verification as verification from enrollments e join students s on s.id = e.student_id where s.last_name = ?').get(lastName) as
      { verification: string | null } | undefined;
    return row?.verification ? verificationSchema.parse(JSON.parse(row.verification)) : undefined;
  } finally {
    db.close();
  }
}

/** Signs in to the API as `who` (the demo advisor unless named) from a device of its own. */
export async function apiSession(url: string, deviceId: string, who: { email: string; password: string } = { email: DEMO_EMAIL, password: DEMO_PASSWORD }): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password, deviceId }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Polls `check` for up to 30 s, for what the server or another tab does after the page is done (no timing is asserted). */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The demo center's administrator, added by the admin command as a production set-up script would. */
export const CENTER_ADMIN = { name: 'Lee Chen', email: 'lee@demo-mesa.example', password: 'lee chose this password' };

/** Adds CENTER_ADMIN to the server's SQLite database under `dataDir` with `npm run admin`'s command. */
export function addCenterAdmin(dataDir: string): void {
  addDemoUser(dataDir, CENTER_ADMIN, 'center_admin');
}

/** A second advisor who signs in on a tablet of their own (the demo's second advisor has no password anyone knows). */
export const OTHER_ADVISOR = { name: 'Bea Second', email: 'bea@demo-mesa.example', password: 'bea chose this password' };

/** Adds `user` to the demo center in the server's SQLite database under `dataDir` with `npm run admin`'s command. */
export function addDemoUser(dataDir: string, user: { name: string; email: string; password: string }, role: 'advisor' | 'center_admin'): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: user.password };
  delete env.DATABASE_URL;
  execFileSync(process.execPath, [
    '--import', 'tsx', 'src/server/admin.ts', 'create-user',
    '--email', user.email, '--name', user.name, '--center', 'Demo MESA Center', '--role', role,
  ], { env, stdio: 'pipe' });
}

/** Screenshots of what is on screen now at both tablet orientations, under /tmp for a person to look at. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/${name}-${width}x${height}.png`, fullPage: true });
  }
}
