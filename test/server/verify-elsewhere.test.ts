/**
 * Verification on another tablet over real HTTP, on each database (issue 10):
 * a batch typed once on advisor A's tablet and sent for a second keyer reaches
 * advisor B's tablet through the verify queue (never A's own, never another
 * center's), B's verification goes back as a new version of each record, once
 * under retries, refused when it names the wrong first keyer or one person for
 * both or leaves out a field the batch added to the four, and as a conflict when A edited the sheet meanwhile; A's tablet takes
 * the verified version at its next pull.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { pullResponseSchema, pushResponseSchema, studentRecordSchema, verifyQueueResponseSchema, type Mutation, type SheetToVerify } from '../../src/shared/protocol';
import { createUser } from '../../src/server/accounts';
import { setCenterVerification } from '../../src/server/queries/centers';
import { findEnrollment } from '../../src/server/queries/enrollments';
import type { AddableVerifiedField } from '../../src/shared/verification-record';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation, PASSWORD, randomSsid, verification } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

type Tablet = { token: string; deviceId: string; userId: string; next: number };

describe.each(DATABASES)('verification on another tablet on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);
  let a: Tablet;
  let b: Tablet;
  let outsider: Tablet;
  let thirdId: string;
  const batchId = uuidv7();
  let sheets: Mutation[];

  async function tablet(email: string): Promise<Tablet> {
    const session = await signIn(server.url, email, PASSWORD);
    return { token: session.token, deviceId: session.deviceId, userId: session.user.id, next: 0 };
  }
  async function push(t: Tablet, ...mutations: Mutation[]) {
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: t.token, body: { deviceId: t.deviceId, mutations } });
    expect(answer.status).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }
  async function queue(t: Tablet) {
    const answer = await call(server.url, 'GET', '/api/sync/verify-queue', { token: t.token });
    expect(answer.status).toBe(200);
    return verifyQueueResponseSchema.parse(answer.body).batches;
  }
  async function pulled(t: Tablet) {
    return pullResponseSchema.parse((await call(server.url, 'GET', '/api/sync/pull', { token: t.token })).body).verifiedElsewhere;
  }
  /** B's verification of a pulled sheet: the second keying, with `paper` where the first keyer's value differed and the paper settled it. */
  function verified(
    t: Tablet, sheet: SheetToVerify, paper: Partial<Record<'ssid', string>> = {}, keyers = { enteredBy: sheet.enteredBy.id, verifiedBy: t.userId },
    added: readonly AddableVerifiedField[] = [],
  ): Mutation {
    const application = { ...sheet.application, ...paper };
    const differed = paper.ssid === undefined ? {} : { ssid: sheet.application.ssid };
    return {
      mutationId: ++t.next, recordId: sheet.recordId, studentId: sheet.studentId, version: 1, baseServerVersion: sheet.serverVersion,
      application, ssidSource: null, confirmedAt: new Date().toISOString(),
      verification: { ...verification(application, keyers.enteredBy, keyers.verifiedBy, differed, added), signedInAs: t.userId },
    };
  }

  beforeAll(async () => {
    const other = await makeCenter(handle, 'other');
    // A center that requires verification: a sheet sent for a second keyer elsewhere is still taken, and held as waiting.
    await setCenterVerification(handle.db, center.centerId, 'required', new Date(Date.now() - 60_000).toISOString());
    await createUser(handle.db, { email: `b-${center.centerId}@example.org`, name: 'Bea Second', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    thirdId = await createUser(handle.db, { email: `c-${center.centerId}@example.org`, name: 'Cal Third', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    a = await tablet(center.advisor.email);
    b = await tablet(`b-${center.centerId}@example.org`);
    outsider = await tablet(other.advisor.email);
    sheets = [1, 2, 3].map((sheet) => mutation(++a.next, center.schoolIds[0]!, { verifyElsewhere: { batchId, sheet } }));
    expect((await push(a, ...sheets)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('holds a sheet sent for a second keyer as typed once, with who typed it and where', async () => {
    const record = studentRecordSchema.parse((await call(server.url, 'GET', `/api/students/${sheets[0]!.studentId}`, { token: a.token })).body);
    expect(record.ssidVerification).toBeNull();
    expect(await findEnrollment(handle.db, sheets[0]!.recordId)).toMatchObject({ keyed_by: a.userId, keyed_on_device: a.deviceId, verify_batch: batchId, verify_sheet: 1, verification: null });
  });

  it('lists the batch to another advisor of the center, whole, and to nobody else', async () => {
    const [batch, ...others] = await queue(b);
    expect(others).toEqual([]);
    expect(batch!.batchId).toBe(batchId);
    // Sent as a tablet from before added fields sends them: the four only.
    expect(batch!.fields).toEqual([]);
    expect(batch!.sheets.map((s) => [s.recordId, s.sheet, s.serverVersion, s.enteredBy.id])).toEqual(sheets.map((m, i) => [m.recordId, i + 1, 1, a.userId]));
    expect(batch!.sheets[0]!.application).toEqual(sheets[0]!.application);
    // The first keyer's own tablet, and another center, get nothing.
    expect(await queue(a)).toEqual([]);
    expect(await queue(outsider)).toEqual([]);
    const audits = await handle.db.selectFrom('audit_log').select(['user_id', 'new_value']).where('action', '=', 'sheets_sent_to_verify').where('entity_id', '=', b.deviceId).execute();
    expect(audits).toContainEqual({ user_id: b.userId, new_value: '3' });
  });

  it('takes the second keyer’s verification as a new version, once under retries, and sends it back to the first tablet only', async () => {
    const [batch] = await queue(b);
    const first = batch!.sheets[0]!;
    const settled = randomSsid();
    const mine = verified(b, first, { ssid: settled });
    expect((await push(b, mine))[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect((await push(b, mine))[0]).toMatchObject({ status: 'duplicate' });
    const record = studentRecordSchema.parse((await call(server.url, 'GET', `/api/students/${first.studentId}`, { token: b.token })).body);
    expect(record.ssid).toBe(settled);
    expect(record.ssidVerification).toEqual({ enteredBy: expect.stringMatching(/^Advisor /), verifiedBy: 'Bea Second', secondLookBy: null });
    expect(await findEnrollment(handle.db, first.recordId)).toMatchObject({ version: 2, keyed_by: a.userId, keyed_on_device: a.deviceId, verify_batch: null, verified_by: b.userId, ssid_differed: 1 });
    const trail = await handle.db.selectFrom('audit_log').select('new_value').where('entity_id', '=', first.recordId).where('action', '=', 'enrollment_verified').execute();
    expect(trail).toEqual([{ new_value: b.userId }]);

    expect((await queue(b))[0]!.sheets.map((s) => s.recordId)).not.toContain(first.recordId);
    const back = await pulled(a);
    expect(back.map((v) => [v.recordId, v.serverVersion, v.application.ssid, v.verification.verifiedBy])).toEqual([[first.recordId, 2, settled, b.userId]]);
    expect(await pulled(b)).toEqual([]);
    expect(await pulled(outsider)).toEqual([]);
  });

  it('refuses a verification naming another first keyer, or one person for both keyings, and keeps the sheet waiting', async () => {
    const second = (await queue(b))[0]!.sheets.find((s) => s.recordId === sheets[1]!.recordId)!;
    const claimed = verified(b, second, {}, { enteredBy: thirdId, verifiedBy: b.userId });
    const alone = verified(b, second, {}, { enteredBy: a.userId, verifiedBy: a.userId });
    const results = await push(b, claimed, alone);
    expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual(['verification_invalid', 'verification_invalid']);
    expect(await findEnrollment(handle.db, second.recordId)).toMatchObject({ version: 1, verification: null, verify_batch: batchId });
  });

  it('answers a verification of a sheet edited on the first tablet meanwhile with a conflict, and loses neither', async () => {
    const third = (await queue(b))[0]!.sheets.find((s) => s.recordId === sheets[2]!.recordId)!;
    const edit = { ...sheets[2]!, mutationId: ++a.next, version: 2, baseServerVersion: 1, application: { ...sheets[2]!.application, lastName: 'Lopez-Garcia' } };
    expect((await push(a, edit))[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    const late = verified(b, third);
    expect((await push(b, late))[0]).toMatchObject({ status: 'conflict', reason: { code: 'stale_version' }, serverVersion: 2 });
    expect(await findEnrollment(handle.db, third.recordId)).toMatchObject({ version: 2, verification: null, verify_batch: batchId });
    // The edit waits for its second keyer again, at its new version.
    const again = (await queue(b))[0]!.sheets.find((s) => s.recordId === third.recordId)!;
    expect(again).toMatchObject({ serverVersion: 2, application: { lastName: 'Lopez-Garcia' } });
    expect((await push(b, verified(b, again)))[0]).toMatchObject({ status: 'applied', serverVersion: 3 });
  });

  it('serves the fields a batch added to the four with it, and takes only a verification that keys them', async () => {
    const phoned = uuidv7();
    const added: AddableVerifiedField[] = ['schoolStudentId', 'phone'];
    const sent = mutation(++a.next, center.schoolIds[0]!, { verifyElsewhere: { batchId: phoned, sheet: 1, fields: added } });
    const typed = { ...sent, application: { ...sent.application, schoolStudentId: 'LA4471X2', phone: '4085550142' } };
    expect((await push(a, typed))[0]).toMatchObject({ status: 'applied' });
    expect(await findEnrollment(handle.db, typed.recordId)).toMatchObject({ verify_batch: phoned, verify_fields: JSON.stringify(added) });

    const batch = (await queue(b)).find((q) => q.batchId === phoned)!;
    expect(batch.fields).toEqual(added);
    const [sheet] = batch.sheets;
    // The four alone, or leaving out the phone, are not the verification the sheet waits for.
    const four = verified(b, sheet!);
    const noPhone = verified(b, sheet!, {}, undefined, ['schoolStudentId']);
    const refused = await push(b, four, noPhone);
    expect(refused.map((r) => r.status === 'rejected' && r.reason.code)).toEqual(['verification_invalid', 'verification_invalid']);
    expect(refused.map((r) => r.status === 'rejected' && r.reason.fields?.map((f) => f.field))).toEqual([['schoolStudentId', 'phone'], ['phone']]);
    expect(await findEnrollment(handle.db, typed.recordId)).toMatchObject({ version: 1, verification: null, verify_batch: phoned });

    expect((await push(b, verified(b, sheet!, {}, undefined, added)))[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect(await findEnrollment(handle.db, typed.recordId)).toMatchObject({ verify_batch: null, verify_fields: null, verified_by: b.userId });
    expect((await queue(b)).find((q) => q.batchId === phoned)).toBeUndefined();
  });
});
