/**
 * More than one server process on one database (design section 8: the server
 * keeps no state in memory, so instances scale out behind a load balancer).
 * Two real server processes behind a round-robin proxy; devices push at once,
 * each batch sent twice at the same time, and a third of the push answers are
 * lost after the server committed, so each device retries, through the other
 * process. Every record must be stored exactly once, at version 1, and every
 * device's progress must end at its last mutation id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type Mutation, type PushResponse } from '../../src/shared/protocol';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../bench/lib/round-robin-proxy';
import { startServerProcess, type ServerProcess } from '../../bench/lib/server-process';
import { DATABASES, type TestHandle } from './helpers/databases';
import { makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';

const ROOT_DIR = new URL('../..', import.meta.url).pathname;
const CENTERS = 3;
const DEVICES_PER_CENTER = 4;
const BATCHES = 3;
const PER_BATCH = 10;
const ATTEMPTS = 10;

/** Pushes one batch until an answer arrives; a lost answer (the socket cut) is retried, as the app's engine does. */
async function pushUntilAnswered(url: string, token: string, deviceId: string, mutations: Mutation[]): Promise<PushResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await call(url, 'POST', '/api/sync/push', { token, body: { deviceId, mutations }, gzip: true });
      expect(answer.status).toBe(200);
      return pushResponseSchema.parse(answer.body);
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof TypeError)) throw error;
    }
  }
}

describe.each(DATABASES)('two server processes on one $name database', (database) => {
  let handle: TestHandle;
  let servers: ServerProcess[];
  let proxy: RoundRobinProxy;
  let centers: CenterFixture[];

  beforeAll(async () => {
    handle = await database.open();
    centers = [];
    for (let i = 0; i < CENTERS; i++) centers.push(await makeCenter(handle, 'scale'));
    // One after the other: each resolves the same server secret from the database.
    servers = [];
    for (let i = 0; i < 2; i++) servers.push(await startServerProcess(ROOT_DIR, { env: { ...handle.processEnv, SERVER_SECRET: '', SEED_DEMO: '0', LOG_LEVEL: 'warn' } }));
    proxy = await startRoundRobinProxy(servers.map((s) => s.url), { loseAnswer: (n, path) => path === '/api/sync/push' && n % 3 === 0 });
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await handle?.close();
  });

  it('stores each record exactly once while devices retry across both processes', async () => {
    const devices = [];
    for (let d = 0; d < CENTERS * DEVICES_PER_CENTER; d++) {
      const center = centers[d % CENTERS]!;
      const session = await signIn(proxy.url, center.advisor.email, center.advisor.password);
      const mutations = Array.from({ length: BATCHES * PER_BATCH }, (_, i) => mutation(i + 1, center.schoolIds[d % 2]!));
      devices.push({ session, mutations });
    }

    const lastIds = await Promise.all(devices.map(async ({ session, mutations }) => {
      let last = 0;
      for (let b = 0; b < BATCHES; b++) {
        const batch = mutations.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
        // The same batch twice at once: a retry racing the original, on the other process.
        const answers = await Promise.all([1, 2].map(() => pushUntilAnswered(proxy.url, session.token, session.deviceId, batch)));
        for (const answer of answers) {
          expect(answer.lastAppliedMutationId).toBeGreaterThanOrEqual((b + 1) * PER_BATCH);
          expect(answer.results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
        }
        last = Math.max(...answers.map((a) => a.lastAppliedMutationId));
      }
      return last;
    }));

    expect(lastIds).toEqual(devices.map(() => BATCHES * PER_BATCH));
    expect(proxy.served().every((n) => n > devices.length)).toBe(true);
    const sentIds = devices.flatMap((d) => d.mutations.map((m) => m.recordId)).sort();
    const stored = await handle.db.selectFrom('enrollments').select(['id', 'version']).orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(sentIds);
    expect(stored.every((r) => r.version === 1)).toBe(true);
    const students = await handle.db.selectFrom('students').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(students.n)).toBe(sentIds.length);
    const progress = await handle.db.selectFrom('devices').select('last_applied_mutation_id').execute();
    expect(progress.map((p) => p.last_applied_mutation_id)).toEqual(devices.map(() => BATCHES * PER_BATCH));
  }, 180_000);
});
