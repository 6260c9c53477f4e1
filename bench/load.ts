/**
 * Server load (issue 5, item 8): many devices pushing at once against the real
 * server in its own process, on loopback, through bench/lib/push-load.ts: each
 * device sends its batches in order, as a tablet does (gzip bodies, like the
 * app, compressed before the clock starts); all devices run at once. Prints
 * requests/s, records/s and push latency p50/p95 on SQLite, and on PostgreSQL
 * when DATABASE_URL is set. Correctness under the same load is tested in
 * test/server/load.test.ts; this measures.
 *
 *   node --import tsx bench/load.ts [--devices 20] [--batches 5] [--size 100]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { uuidv7 } from '../src/shared/ids';
import { createBenchAdvisor, type Credentials } from './lib/accounts';
import { centerSchoolIds, signIn } from './lib/node-client';
import { runPushLoad, type LoadResult } from './lib/push-load';
import { DEMO_EMAIL, DEMO_PASSWORD, startServerProcess } from './lib/server-process';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One run: sign in every device (each keys for one of the center's schools in turn), then all push at once; the clock covers only the pushes. */
async function run(database: string, url: string, credentials: Credentials, shape: { devices: number; batches: number; size: number }): Promise<LoadResult & { database: string }> {
  const devices = [];
  for (let d = 0; d < shape.devices; d++) devices.push(await signIn(url, credentials.email, credentials.password, uuidv7()));
  const schoolIds = await centerSchoolIds(url, devices[0]!);
  const result = await runPushLoad(url, devices.map((device, d) => ({ device, schoolId: schoolIds[d % schoolIds.length]! })), shape);
  return { database, ...result };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { devices: { type: 'string', default: '20' }, batches: { type: 'string', default: '5' }, size: { type: 'string', default: '100' } } });
  const shape = { devices: Number(values.devices), batches: Number(values.batches), size: Number(values.size) };
  const targets: { name: string; databaseUrl?: string }[] = [{ name: 'SQLite' }];
  if (process.env.DATABASE_URL) targets.push({ name: 'PostgreSQL', databaseUrl: process.env.DATABASE_URL });

  const results: (LoadResult & { database: string })[] = [];
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
    console.log(`${r.database.padEnd(10)}  ${(r.requests / r.seconds).toFixed(1).padStart(10)}  ${r.recordsPerSecond.toFixed(0).padStart(9)}  ${r.p50Ms.toFixed(0).padStart(6)}  ${r.p95Ms.toFixed(0).padStart(6)}  (${r.requests}, ${r.records}, ${r.seconds.toFixed(1)})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
