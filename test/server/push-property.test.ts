/**
 * The sync promise as a property: whatever mix of retried batches, batches sent
 * twice (one after the other or at once) and responses lost in flight, the
 * server ends as if each mutation had been applied exactly once.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { pushResponseSchema, type Mutation } from '../../src/shared/protocol';
import { hashToken, newToken } from '../../src/server/auth/tokens';
import { registerDevice } from '../../src/server/queries/devices';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { insertSession } from '../../src/server/queries/sessions';
import { findUserByEmail } from '../../src/server/queries/users';
import { DATABASES } from './helpers/databases';
import { application } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

interface Send {
  batchSize: number;
  /** The server commits, but the tablet never hears back. */
  loseResponse: boolean;
  /** The same batch goes out twice... */
  twice: boolean;
  /** ...at the same moment. */
  atOnce: boolean;
}

const sendArbitrary: fc.Arbitrary<Send> = fc.record({
  batchSize: fc.integer({ min: 1, max: 5 }),
  loseResponse: fc.boolean(),
  twice: fc.boolean(),
  atOnce: fc.boolean(),
});

describe.each(DATABASES)('push under retries and lost responses on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { server: { logger: false } });
  let userId: string;

  beforeAll(async () => {
    userId = (await findUserByEmail(handle.db, center.advisor.email))!.id;
  });

  /** A new device with a session, made through the query modules (no scrypt per run). */
  async function newDevice(): Promise<{ deviceId: string; token: string }> {
    const deviceId = uuidv7();
    const token = newToken();
    const now = new Date().toISOString();
    await registerDevice(handle.db, { deviceId, userId, name: 'property', now });
    await insertSession(handle.db, { token_hash: hashToken(token), user_id: userId, device_id: deviceId, created_at: now, expires_at: new Date(Date.now() + 3600_000).toISOString(), revoked_at: null });
    return { deviceId, token };
  }

  it('applies every mutation exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(sendArbitrary, { maxLength: 12 }),
        async (editedRecords, sends) => {
          const { deviceId, token } = await newDevice();
          const school = center.schoolIds[0]!;
          const records = Array.from({ length: 4 }, () => ({ recordId: uuidv7(), studentId: uuidv7(), base: application(school) }));
          const versions = [0, 0, 0, 0];
          const mutations: Mutation[] = editedRecords.map((r, i) => {
            versions[r]! += 1;
            const record = records[r]!;
            return {
              mutationId: i + 1, recordId: record.recordId, studentId: record.studentId, version: versions[r]!, baseServerVersion: null,
              application: { ...record.base, middleName: `edit ${versions[r]}` }, ssidSource: 'student_form', confirmedAt: new Date().toISOString(),
            };
          });

          let outbox = [...mutations];
          const send = async (batch: Mutation[]) => {
            const answer = await call(server.url, 'POST', '/api/sync/push', { token, body: { deviceId, mutations: batch }, gzip: true });
            expect(answer.status).toBe(200);
            return pushResponseSchema.parse(answer.body);
          };
          const acknowledge = (lastApplied: number) => { outbox = outbox.filter((m) => m.mutationId > lastApplied); };

          for (const s of sends) {
            const batch = outbox.slice(0, s.batchSize);
            if (batch.length === 0) break;
            const responses = s.twice
              ? s.atOnce ? await Promise.all([send(batch), send(batch)]) : [await send(batch), await send(batch)]
              : [await send(batch)];
            for (const r of responses) expect(r.results.map((x) => x.status).every((st) => st === 'applied' || st === 'duplicate')).toBe(true);
            if (!s.loseResponse) for (const r of responses) acknowledge(r.lastAppliedMutationId);
          }
          while (outbox.length > 0) acknowledge((await send(outbox.slice(0, 5))).lastAppliedMutationId);

          for (const [r, record] of records.entries()) {
            const stored = await findEnrollment(handle.db, record.recordId);
            if (versions[r] === 0) {
              expect(stored).toBeUndefined();
              continue;
            }
            // One server version per applied mutation: none lost, none applied twice.
            expect(stored?.version).toBe(versions[r]);
            expect(JSON.parse(stored!.application).middleName).toBe(`edit ${versions[r]}`);
          }
          const writes = await handle.db.selectFrom('audit_log').select('entity_id')
            .where('entity', '=', 'enrollment').where('entity_id', 'in', records.map((r) => r.recordId)).execute();
          expect(writes).toHaveLength(mutations.length);
          const device = await handle.db.selectFrom('devices').select('last_applied_mutation_id').where('device_id', '=', deviceId).executeTakeFirstOrThrow();
          expect(device.last_applied_mutation_id).toBe(mutations.length);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
