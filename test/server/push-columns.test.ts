/**
 * A push sent as one column batch (shared/column-batch.ts), what tablets of
 * this version send, over real HTTP on each database: stored exactly as the
 * same mutations sent as objects, retried as duplicates whichever way the
 * retry comes, and refused whole, storing nothing, when the batch does not
 * describe its rows.
 */
import { describe, expect, it } from 'vitest';
import { toColumns } from '../../src/shared/column-batch';
import { PROBLEMS } from '../../src/shared/problems';
import { pushResponseSchema, type Mutation } from '../../src/shared/protocol';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { DATABASES } from './helpers/databases';
import { mutation } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('push as columns on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);

  async function device() {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const send = (body: Record<string, unknown>) => call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, ...body } });
    const push = async (body: Record<string, unknown>) => {
      const answer = await send(body);
      if (answer.status !== 200) throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return pushResponseSchema.parse(answer.body);
    };
    return { send, push };
  }

  const school = () => center.schoolIds[0]!;
  const statuses = (answer: { results: { status: string }[] }) => answer.results.map((r) => r.status);
  /** Three sheets, one of them sent to center review: a field only some rows carry. */
  const sheets = (): Mutation[] => [mutation(1, school()), { ...mutation(2, school()), sendToReview: true }, mutation(3, school())];

  it('stores each mutation of a column batch as the same mutation sent as an object is stored', async () => {
    const tablet = await device();
    const batch = sheets();
    const answer = await tablet.push({ columns: toColumns(batch) });
    expect(answer.results).toEqual(batch.map((m) => ({ mutationId: m.mutationId, recordId: m.recordId, status: 'applied', serverVersion: 1 })));
    for (const m of batch) {
      const stored = await findEnrollment(handle.db, m.recordId);
      expect(stored).toMatchObject({ center_id: center.centerId, student_id: m.studentId, version: 1 });
      expect(JSON.parse(stored!.application)).toEqual(m.application);
    }
  });

  it('answers a retried column batch with duplicates, and the same mutations retried as objects too', async () => {
    const tablet = await device();
    const batch = sheets();
    await tablet.push({ columns: toColumns(batch) });
    expect(statuses(await tablet.push({ columns: toColumns(batch) }))).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(statuses(await tablet.push({ mutations: batch }))).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await findEnrollment(handle.db, batch[0]!.recordId))?.version).toBe(1);
  });

  it('refuses a column batch missing one value, naming its field, and stores none of its rows', async () => {
    const tablet = await device();
    const batch = sheets();
    const columns = toColumns(batch);
    columns.values['application.lastName'] = columns.values['application.lastName']!.slice(1);
    const answer = await tablet.send({ columns });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: PROBLEMS.invalidBody.code,
      message: PROBLEMS.invalidBody.message,
      details: [{ field: 'columns.application.lastName', message: 'It holds 2 values for 3 rows.' }],
    });
    for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
  });

  it('refuses a push that sends both the mutations and their columns, or a field named __proto__', async () => {
    const tablet = await device();
    const batch = sheets();
    expect((await tablet.send({ mutations: batch, columns: toColumns(batch) })).status).toBe(400);
    const columns = toColumns(batch);
    const poisoned = `{"n":3,"values":{"__proto__":[1,2,3],${JSON.stringify(columns.values).slice(1)}}`;
    expect((await tablet.send({ columns: JSON.parse(poisoned) })).status).toBe(400);
    for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
  });
});
