/**
 * Concurrent pushes from many devices (issue 5, item 8), over real HTTP on each
 * database: correctness only, no timings (those are in bench/load.ts). 20 devices
 * push at once, each its batch of 25 sent 5 times at once (retries racing the
 * original): the server must hold exactly 500 records, each applied once, and
 * every device's last mutation id must be 25. (Kept small for CI: the race is in
 * the concurrency, not the batch size; bench/load.ts pushes 10,000.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type Mutation } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServer } from './helpers/server-suite';

const DEVICES = 20;
const SENDS = 5;
const PER_BATCH = 25;
/** Sign-in is limited to 10 attempts per account in 15 minutes: 5 advisors, 4 tablets each. */
const ADVISORS = 5;

describe.each(DATABASES)('concurrent pushes on $name', (database) => {
  const { handle, server } = useServer(database, { server: { logger: false } });
  let centers: CenterFixture[];

  beforeAll(async () => {
    centers = [];
    for (let i = 0; i < ADVISORS; i++) centers.push(await makeCenter(handle, 'load'));
  });

  it(`stores exactly ${DEVICES * PER_BATCH} records from ${DEVICES} devices pushing at once, each retry a duplicate`, async () => {
    const devices = await Promise.all(Array.from({ length: DEVICES }, async (_, d) => {
      const center = centers[d % ADVISORS]!;
      const session = await signIn(server.url, center.advisor.email, center.advisor.password);
      const school = center.schoolIds[d % 2]!;
      const batch: Mutation[] = Array.from({ length: PER_BATCH }, (_, i) => mutation(i + 1, school));
      return { session, batch };
    }));
    const statuses: string[] = [];

    await Promise.all(devices.flatMap(({ session, batch }) => Array.from({ length: SENDS }, async () => {
      const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: batch }, gzip: true });
      expect(answer.status).toBe(200);
      const response = pushResponseSchema.parse(answer.body);
      expect(response.lastAppliedMutationId).toBe(PER_BATCH);
      statuses.push(...response.results.map((r) => r.status));
    })));

    const total = DEVICES * PER_BATCH;
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(total);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(total * (SENDS - 1));
    const sentIds = devices.flatMap((d) => d.batch.map((m) => m.recordId)).sort();
    const stored = await handle.db.selectFrom('enrollments').select('id').orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(sentIds);
    expect(Number((await handle.db.selectFrom('students').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(total);
    const progress = await handle.db.selectFrom('devices').select(['device_id', 'last_applied_mutation_id']).execute();
    expect(progress.map((p) => p.last_applied_mutation_id)).toEqual(Array.from({ length: DEVICES }, () => PER_BATCH));
  }, 120_000);
});
