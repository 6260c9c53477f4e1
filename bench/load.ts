/**
 * Server load (issue 5, item 8): many devices pushing at once against the real
 * server in its own process, on loopback. Each device sends its batches in order,
 * as a tablet does (gzip bodies, like the app); all devices run at once. Prints
 * requests/s, records/s and push latency p50/p95 on SQLite, and on PostgreSQL
 * when DATABASE_URL is set. Correctness under the same load is tested in
 * test/server/load.test.ts; this measures.
 *
 *   node --import tsx bench/load.ts [--devices 20] [--batches 5] [--size 100]
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { uuidv7 } from '../src/shared/ids';
import { pullResponseSchema, pushResponseSchema, sessionResponseSchema } from '../src/shared/protocol';
import { createBenchAdvisor, type Credentials } from './lib/accounts';
import { makeRecords } from './lib/fixtures';
import { toMutations } from './lib/mutations';
import { DEMO_EMAIL, DEMO_PASSWORD, startServerProcess } from './lib/server-process';
import { percentile } from './lib/stats';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface LoadResult {
  database: string;
  devices: number;
  requests: number;
  records: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
}

async function post(url: string, body: unknown, token?: string, gzip = false): Promise<unknown> {
  const json = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (gzip) headers['content-encoding'] = 'gzip';
  const response = await fetch(url, { method: 'POST', headers, body: gzip ? new Uint8Array(gzipSync(json)) : json });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** One run: sign in every device, then all push at once; the clock covers only the pushes. */
async function run(database: string, url: string, credentials: Credentials, shape: { devices: number; batches: number; size: number }): Promise<LoadResult> {
  const sessions = [];
  for (let d = 0; d < shape.devices; d++) {
    const deviceId = uuidv7();
    const session = sessionResponseSchema.parse(await post(`${url}/api/session`, { ...credentials, deviceId, deviceName: `load ${d}` }));
    sessions.push({ token: session.token, deviceId });
  }
  const pull = await fetch(`${url}/api/sync/pull`, { headers: { authorization: `Bearer ${sessions[0]!.token}` } });
  const schoolIds = pullResponseSchema.parse(await pull.json()).schools.map((s) => s.id);
  const perDevice = shape.batches * shape.size;
  const records = makeRecords({ count: shape.devices * perDevice, schoolIds, seed: Date.now() % 1_000_000 });
  const confirmedAt = new Date().toISOString();

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(sessions.map(async (session, d) => {
    const mutations = toMutations(records.slice(d * perDevice, (d + 1) * perDevice), 1, confirmedAt);
    for (let b = 0; b < shape.batches; b++) {
      const batch = mutations.slice(b * shape.size, (b + 1) * shape.size);
      const sent = performance.now();
      const response = pushResponseSchema.parse(await post(`${url}/api/sync/push`, { deviceId: session.deviceId, mutations: batch }, session.token, true));
      latencies.push(performance.now() - sent);
      if (response.results.some((r) => r.status !== 'applied')) throw new Error(`device ${d}: not every record was applied`);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    database, devices: shape.devices, requests: latencies.length, records: records.length, seconds,
    p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { devices: { type: 'string', default: '20' }, batches: { type: 'string', default: '5' }, size: { type: 'string', default: '100' } } });
  const shape = { devices: Number(values.devices), batches: Number(values.batches), size: Number(values.size) };
  const targets: { name: string; databaseUrl?: string }[] = [{ name: 'SQLite' }];
  if (process.env.DATABASE_URL) targets.push({ name: 'PostgreSQL', databaseUrl: process.env.DATABASE_URL });

  const results: LoadResult[] = [];
  for (const target of targets) {
    // PostgreSQL keeps earlier runs' data: a center and advisor of this run's own.
    const credentials = target.databaseUrl ? await createBenchAdvisor(rootDir, target.databaseUrl) : { email: DEMO_EMAIL, password: DEMO_PASSWORD };
    const server = await startServerProcess(rootDir, target.databaseUrl ? { databaseUrl: target.databaseUrl } : {});
    try {
      results.push(await run(target.name, server.url, credentials, shape));
    } finally {
      await server.stop();
    }
  }

  console.log(`Concurrent pushes: ${shape.devices} devices x ${shape.batches} batches x ${shape.size} records, gzip, loopback`);
  console.log('database    requests/s  records/s  p50 ms  p95 ms  (requests, records, seconds)');
  for (const r of results) {
    console.log(`${r.database.padEnd(10)}  ${(r.requests / r.seconds).toFixed(1).padStart(10)}  ${(r.records / r.seconds).toFixed(0).padStart(9)}  ${r.p50Ms.toFixed(0).padStart(6)}  ${r.p95Ms.toFixed(0).padStart(6)}  (${r.requests}, ${r.records}, ${r.seconds.toFixed(1)})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
