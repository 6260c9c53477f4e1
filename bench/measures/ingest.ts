/**
 * Server ingest: how many confirmed records per second the server applies when
 * devices push full batches of 500, on SQLite and (when DATABASE_URL is set) on
 * PostgreSQL. One device pushes batches back to back, as one tablet's backlog would.
 */
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol';
import { seededUuidv7, seededRandom, makeRecords } from '../lib/fixtures';
import { createBenchAdvisor } from '../lib/accounts';
import { describeError } from '../lib/errors';
import { toMutations } from '../lib/mutations';
import { centerSchoolIds, gzipPushBody, pushCompressed, signIn } from '../lib/node-client';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { DEMO_EMAIL, DEMO_PASSWORD, startServerProcess } from '../lib/server-process';

const TIMED_RECORDS = 10_000;
const SQLITE_TARGET = 5_000;

/** Records per second over `TIMED_RECORDS`, after one untimed warm-up batch. */
async function measureIngest(rootDir: string, databaseUrl?: string): Promise<number> {
  // SQLite starts empty and seeded with the demo advisor; PostgreSQL keeps what others left.
  const advisor = databaseUrl ? await createBenchAdvisor(rootDir, databaseUrl) : { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  const server = await startServerProcess(rootDir, databaseUrl ? { databaseUrl } : {});
  try {
    // A fresh seed per run: PostgreSQL keeps earlier runs' students, whose SSIDs must not collide.
    const seed = Date.now() % 2 ** 31;
    const device = await signIn(server.url, advisor.email, advisor.password, seededUuidv7(seededRandom(seed), Date.now()));
    const schoolIds = await centerSchoolIds(server.url, device);
    const records = makeRecords({ count: MAX_MUTATIONS_PER_PUSH + TIMED_RECORDS, schoolIds, seed });
    const mutations = toMutations(records, 1, new Date().toISOString());
    const bodies: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < mutations.length; i += MAX_MUTATIONS_PER_PUSH) {
      bodies.push(gzipPushBody(device, mutations.slice(i, i + MAX_MUTATIONS_PER_PUSH)));
    }
    const [warmUp, ...timed] = bodies;
    await expectAllApplied(pushCompressed(server.url, device, warmUp as Uint8Array<ArrayBuffer>));

    const start = performance.now();
    let applied = 0;
    for (const body of timed) applied += await expectAllApplied(pushCompressed(server.url, device, body));
    return applied / ((performance.now() - start) / 1000);
  } finally {
    await server.stop();
  }
}

/** Counts the applied results; anything else means the figure would not be about ingest. */
async function expectAllApplied(push: ReturnType<typeof pushCompressed>): Promise<number> {
  const { results } = await push;
  const other = results.filter((r) => r.status !== 'applied');
  if (other.length > 0) {
    throw new Error(`${other.length} of ${results.length} mutations were not applied (first: ${JSON.stringify(other[0])})`);
  }
  return results.length;
}

function rows(sqlite: number | null, postgres: number | null, reason: string | null, pgNote: string | null): Figure[] {
  return [
    figure({ label: 'Server ingest, SQLite (batches of 500)', unit: 'rec/s', better: 'higher', ours: sqlite, goal: { on: 'ours', atLeast: SQLITE_TARGET }, note: reason }),
    figure({ label: 'Server ingest, PostgreSQL (batches of 500)', unit: 'rec/s', better: 'higher', ours: postgres, note: pgNote }),
  ];
}

/** Ingest figures for both databases. */
export const ingestSection: Section = {
  id: 'ingest',
  name: 'Server ingest',
  async run(ctx) {
    const sqlite = await measureIngest(ctx.rootDir);
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) return rows(sqlite, null, null, 'Not measured: DATABASE_URL is not set.');
    try {
      return rows(sqlite, await measureIngest(ctx.rootDir, databaseUrl), null, null);
    } catch (error) {
      return rows(sqlite, null, null, `Not measured on PostgreSQL: ${describeError(error)}`);
    }
  },
  notMeasured: (reason) => rows(null, null, reason, null),
};
