/**
 * One change sequence per center: numbers that only increase within a center,
 * a first number past everything the one shared counter of earlier versions
 * handed out (so every checkpoint already on a tablet stays valid), and a push
 * in one center that never waits for another center's writer.
 */
import { describe, expect, it } from 'vitest';
import { currentChangeSeq, lockChangeSeq, nextChangeSeq } from '../../src/server/queries/change-seq';
import { pushResponseSchema } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useDatabase, useServer } from './helpers/server-suite';

describe.each(DATABASES)('change numbers per center on $name', (database) => {
  const { handle } = useDatabase(database);

  it('starts a center past every number the shared counter handed out, then counts on its own', async () => {
    await handle.db.updateTable('counters').set({ value: 500 }).where('name', '=', 'change').execute();
    const a = await makeCenter(handle);
    const b = await makeCenter(handle);
    // makeCenter adds two schools: numbers 501 and 502 in each center.
    expect(await currentChangeSeq(handle.db, a.centerId)).toBe(502);
    expect(await nextChangeSeq(handle.db, a.centerId)).toBe(503);
    expect(await nextChangeSeq(handle.db, a.centerId)).toBe(504);
    expect(await currentChangeSeq(handle.db, b.centerId)).toBe(502);
    expect(await nextChangeSeq(handle.db, b.centerId)).toBe(503);
  });

  it('reads the shared counter for a center that has changed nothing yet', async () => {
    const shared = await handle.db.selectFrom('counters').select('value').where('name', '=', 'change').executeTakeFirstOrThrow();
    expect(await currentChangeSeq(handle.db, 'a center with no changes')).toBe(shared.value);
  });
});

describe.each(DATABASES.filter((d) => d.name === 'postgres'))('concurrent centers on $name', (database) => {
  const { handle, server } = useServer(database, { server: { logger: false } });

  it('applies a push in one center while a writer in another center holds its lock', async () => {
    const busy = await makeCenter(handle);
    const other = await makeCenter(handle);
    const session = await signIn(server.url, other.advisor.email, other.advisor.password);
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => { locked = resolve; });
    const writer = handle.db.transaction().execute(async (trx) => {
      await lockChangeSeq(trx, busy.centerId);
      locked();
      await released;
    });
    await holding;
    try {
      // With one lock for all centers this push would wait for the writer, which waits for the push.
      const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [mutation(1, other.schoolIds[0]!)] } });
      expect(answer.status).toBe(200);
      expect(pushResponseSchema.parse(answer.body).results[0]!.status).toBe('applied');
    } finally {
      release();
      await writer;
    }
  });
});
