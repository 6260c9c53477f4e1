/**
 * The demo account `npm start` makes (issue 11, item 2): a working sign-in is
 * printed, but its password is made for the data directory (the same after a
 * restart, another in another directory), never a published constant; a server
 * started without the demo has no demo account. Runs the real main.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { DEMO_EMAIL, DEMO_PASSWORD_FILE } from '../../src/server/seed';
import { startChild, type ChildServer } from '../faults/servers';
import { call } from './helpers/http';

/** Each start of main.ts takes seconds on a busy machine. */
const STARTS_TIMEOUT = 180_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesa-demo-'));
  dirs.push(dir);
  return dir;
}

describe('the demo sign-in npm start prints', () => {
  it('works, is made for this data directory, survives a restart, and differs in another directory', async () => {
    const dir = dataDir();
    const first = await startChild(dir, { DEMO_PASSWORD: undefined, SEED_DEMO: undefined });
    let password: string;
    try {
      password = await bannerPassword(first);
      expect(password).not.toBe('mesa-demo-2025');
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(await signInStatus(first, password)).toBe(200);
      expect(await signInStatus(first, 'mesa-demo-2025')).toBe(401);
    } finally {
      await first.stop();
    }
    expect((fs.statSync(path.join(dir, DEMO_PASSWORD_FILE)).mode & 0o077)).toBe(0);

    const again = await startChild(dir, { DEMO_PASSWORD: undefined, SEED_DEMO: undefined });
    try {
      expect(await bannerPassword(again)).toBe(password);
      expect(await signInStatus(again, password)).toBe(200);
    } finally {
      await again.stop();
    }

    const elsewhere = await startChild(dataDir(), { DEMO_PASSWORD: undefined, SEED_DEMO: undefined });
    try {
      expect(await bannerPassword(elsewhere)).not.toBe(password);
    } finally {
      await elsewhere.stop();
    }
  }, STARTS_TIMEOUT);

  it('is absent when the server starts without the demo (SEED_DEMO=0)', async () => {
    const dir = dataDir();
    const server = await startChild(dir, { DEMO_PASSWORD: undefined, SEED_DEMO: '0' });
    try {
      await banner(server);
      expect(server.output()).not.toContain('Demo sign-in');
      expect(await signInStatus(server, 'mesa-demo-2025')).toBe(401);
      expect(fs.existsSync(path.join(dir, DEMO_PASSWORD_FILE))).toBe(false);
    } finally {
      await server.stop();
    }
  }, STARTS_TIMEOUT);
});

/** The start banner, once printed; throws if the "is running at" line has not come within 10 s. */
async function banner(server: ChildServer): Promise<string> {
  for (let i = 0; i < 100 && !server.output().includes('is running at'); i++) await new Promise((r) => setTimeout(r, 100));
  if (!server.output().includes('is running at')) throw new Error(`no start banner printed:\n${server.output()}`);
  return server.output();
}

/** The password in the banner's "Demo sign-in" line. */
async function bannerPassword(server: ChildServer): Promise<string> {
  const match = new RegExp(`Demo sign-in: ${DEMO_EMAIL.replace('.', '\\.')} / (\\S+)`).exec(await banner(server));
  if (!match) throw new Error(`no demo sign-in printed:\n${server.output()}`);
  return match[1]!;
}

async function signInStatus(server: ChildServer, password: string): Promise<number> {
  return (await call(server.url, 'POST', '/api/session', { body: { email: DEMO_EMAIL, password, deviceId: uuidv7() } })).status;
}
