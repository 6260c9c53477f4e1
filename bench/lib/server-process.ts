/**
 * Our server as production runs it: its own Node process (src/server/main.ts),
 * on a fresh data folder, on loopback. The bench talks to it over real HTTP only.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The demo advisor the server seeds on start (brief: demo seed). */
export const DEMO_EMAIL = 'demo@mesa.example';
export const DEMO_PASSWORD = 'bench-demo-passphrase';

/** A running server process. */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilAnswering(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const exit = exited();
    if (exit !== null) throw new Error(`the server exited before answering:\n${exit}`);
    // Any HTTP answer will do (a 401 from the API included): the process is up.
    const answered = await fetch(`${url}/api/session`).then(() => true, () => false);
    if (answered) return;
    if (Date.now() > deadline) throw new Error('the server did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts src/server/main.ts with a temporary DATA_DIR (SQLite), or on PostgreSQL
 * when `databaseUrl` is given, with `env` added (DIST_DIR, say), and waits until it answers HTTP.
 */
export async function startServerProcess(rootDir: string, options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-data-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  Object.assign(env, options.env);

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Kept only to explain a failed start; capped so a chatty server cannot grow it.
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exitedPromise;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, () => (child.exitCode === null ? null : output));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
