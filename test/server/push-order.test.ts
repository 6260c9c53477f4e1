/**
 * Pipelined pushes (a push naming `after`, the last mutation id of the push it
 * follows): the server applies one only once the device's ledger has reached
 * `after`, whatever order they arrive in, so no mutation id is ever passed over
 * as already applied; one whose predecessor never comes is refused and nothing
 * of it is stored; retries of either are duplicates. On each database.
 */
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import { pushResponseSchema, type Mutation, type PushResponse } from '../../src/shared/protocol';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { ledgerOf } from '../../src/server/queries/devices';
import { push } from '../../src/server/sync/push';
import { DATABASES } from './helpers/databases';
import { mutation, PASSWORD } from './helpers/fixtures';
import { createUser } from '../../src/server/accounts';
import { uuidv7 } from '../../src/shared/ids';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('pipelined pushes on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);

  /** A signed-in tablet that pushes over HTTP, naming `after` when given. */
  async function device() {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const caller = { userId: session.user.id, centerId: session.user.centerId, sessionDeviceId: session.deviceId };
    return {
      ...session,
      caller,
      ledger: () => ledgerOf(handle.db, session.deviceId, session.user.id),
      send: (mutations: Mutation[], after?: number) =>
        call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, after, mutations } }),
      push: async (mutations: Mutation[], after?: number) => {
        const answer = await call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, after, mutations } });
        if (answer.status !== 200) throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
        return pushResponseSchema.parse(answer.body);
      },
    };
  }

  const school = () => center.schoolIds[0]!;
  const statuses = (response: PushResponse) => response.results.map((r) => r.status);

  it('applies a push sent behind another only after that one, even when it is sent first', async () => {
    const tablet = await device();
    const [one, two, three, four] = [1, 2, 3, 4].map((id) => mutation(id, school()));
    // The second batch is on its way first: it must wait for ids 1 and 2, not pass them over.
    const second = tablet.push([three!, four!], 2);
    const first = await tablet.push([one!, two!]);
    expect(statuses(first)).toEqual(['applied', 'applied']);
    expect(statuses(await second)).toEqual(['applied', 'applied']);
    expect(await tablet.ledger()).toBe(4);
    for (const m of [one, two, three, four]) expect(await findEnrollment(handle.db, m!.recordId)).toMatchObject({ version: 1 });
  });

  it('refuses a push whose predecessor never reaches the server, storing none of it; sent again after it, it applies', async () => {
    const tablet = await device();
    const [one, two, three] = [1, 2, 3].map((id) => mutation(id, school()));
    const body = { deviceId: tablet.deviceId, after: 2, mutations: [three] };

    await expect(push(handle, tablet.caller, body, 0)).rejects.toMatchObject({ problem: 'pushOutOfOrder' });
    expect(await findEnrollment(handle.db, three!.recordId)).toBeUndefined();
    expect(await tablet.ledger()).toBe(0);

    expect(statuses(await tablet.push([one!, two!]))).toEqual(['applied', 'applied']);
    expect(statuses(await push(handle, tablet.caller, body, 0))).toEqual(['applied']);
    expect(await tablet.ledger()).toBe(3);
  });

  it('answers pipelined pushes sent again after their answers were lost with duplicates, changing nothing', async () => {
    const tablet = await device();
    const first = [mutation(1, school()), mutation(2, school())];
    const second = [mutation(3, school())];
    await Promise.all([tablet.push(first), tablet.push(second, 2)]);

    expect(statuses(await tablet.push(first))).toEqual(['duplicate', 'duplicate']);
    expect(statuses(await tablet.push(second, 2))).toEqual(['duplicate']);
    expect(await tablet.ledger()).toBe(3);
    expect(await findEnrollment(handle.db, second[0]!.recordId)).toMatchObject({ version: 1 });
  });

  it('refuses a push whose `after` is not below its own ids, and keeps the queue where it was', async () => {
    const tablet = await device();
    const answer = await tablet.send([mutation(1, school()), mutation(2, school())], 1);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: PROBLEMS.invalidBody.code, message: PROBLEMS.invalidBody.message, details: [{ field: 'after', message: 'A push follows ids below its own.' }] });
    expect(await tablet.ledger()).toBe(0);
  });

  it('refuses at once, storing nothing, a push naming `after` from a user with no queue on the device', async () => {
    // A token whose device row is gone (or a caller the device never saw): there is no ledger to
    // wait for, so the push is refused now rather than held for the whole wait, here a minute,
    // longer than this test may run.
    const tablet = await device();
    const strangerId = await createUser(handle.db, { email: `stranger-${uuidv7()}@example.org`, name: 'Never Signed In Here', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    const three = mutation(3, school());
    const caller = { ...tablet.caller, userId: strangerId };
    await expect(push(handle, caller, { deviceId: tablet.deviceId, after: 2, mutations: [three] }, 60_000)).rejects.toMatchObject({ problem: 'forbidden' });
    expect(await findEnrollment(handle.db, three.recordId)).toBeUndefined();
    expect(await ledgerOf(handle.db, tablet.deviceId, strangerId)).toBeUndefined();
  });
});
