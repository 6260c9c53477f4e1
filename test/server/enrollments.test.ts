/**
 * PAF approval over real HTTP, on each database: the pending list, and the SSID
 * policy enforced on the server (required from 2015-07-01, soft before).
 */
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import { approveEnrollmentResponseSchema, pendingEnrollmentsResponseSchema, studentRecordSchema } from '../../src/shared/protocol';
import { setSsidPolicy } from '../../src/server/queries/ssid-policy';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, randomSsid } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('PAF approval on $name', (database) => {
  const { handle, server, center, session } = useServerSuite(database, { signIn: 'advisor' });
  let nextId = 1;

  /** A submitted enrollment of a new student; returns its record and student ids. */
  async function submitted(programYear: string, ssid: string): Promise<{ id: string; studentId: string }> {
    const school = center.schoolIds[0]!;
    const m = mutation(nextId++, school, { application: application(school, { programYear, ssid, ssidSource: ssid === '' ? '' : 'student_form' }) });
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [m] } });
    expect(answer.status).toBe(200);
    return { id: m.recordId, studentId: m.studentId };
  }

  const approve = (id: string, body: unknown = {}, token = session.token) =>
    call(server.url, 'POST', `/api/enrollments/${id}/approve`, { token, body });

  it('lists the center’s pending enrollments, saying which need an SSID to be approved', async () => {
    const needsOne = await submitted('2025-26', '');
    const soft = await submitted('2014-15', '');
    const ssid = randomSsid();
    const hasOne = await submitted('2025-26', ssid);
    const answer = await call(server.url, 'GET', '/api/enrollments?status=pending', { token: session.token });
    const { enrollments } = pendingEnrollmentsResponseSchema.parse(answer.body);
    const byId = new Map(enrollments.map((e) => [e.id, e]));
    expect(byId.get(needsOne.id)).toMatchObject({ studentId: needsOne.studentId, status: 'submitted', origin: 'tablet', ssidLast4: null, ssidRequired: true });
    expect(byId.get(soft.id)).toMatchObject({ ssidRequired: false });
    expect(byId.get(hasOne.id)).toMatchObject({ ssidLast4: ssid.slice(-4), ssidRequired: false });
    expect(JSON.stringify(answer.body)).not.toContain(ssid);
  });

  it('refuses to approve without an SSID in a required year, with a clear problem, and changes nothing', async () => {
    const { id } = await submitted('2025-26', '');
    const answer = await approve(id);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ code: PROBLEMS.ssidRequired.code, message: PROBLEMS.ssidRequired.message });
    const pending = pendingEnrollmentsResponseSchema.parse((await call(server.url, 'GET', '/api/enrollments?status=pending', { token: session.token })).body);
    expect(pending.enrollments.some((e) => e.id === id)).toBe(true);
  });

  it('approves with an SSID typed at approval, setting it as from the student’s form, audited', async () => {
    const { id, studentId } = await submitted('2025-26', '');
    const ssid = randomSsid();
    const answer = await approve(id, { ssid: `${ssid.slice(0, 3)}-${ssid.slice(3, 6)} ${ssid.slice(6)}` });
    expect(answer.status).toBe(200);
    expect(approveEnrollmentResponseSchema.parse(answer.body)).toEqual({
      enrollment: { id, programYear: '2025-26', status: 'approved', pafStatus: 'signed', version: 2 }, ssidLast4: ssid.slice(-4),
    });
    const record = studentRecordSchema.parse((await call(server.url, 'GET', `/api/students/${studentId}`, { token: session.token })).body);
    expect(record).toMatchObject({ ssid, ssidSource: 'student_form', ssidConfirmedBy: expect.any(String) });
    expect(record.history).toEqual([expect.objectContaining({ action: 'ssid_changed', from: null, to: ssid.slice(-4) })]);
    expect(record.enrollments).toEqual([expect.objectContaining({ id, status: 'approved' })]);
    expect(server.logs.join('\n')).not.toContain(ssid);
  });

  it('approves without an SSID in a soft year, prompting for it', async () => {
    const { id } = await submitted('2014-15', '');
    const answer = approveEnrollmentResponseSchema.parse((await approve(id)).body);
    expect(answer).toMatchObject({ enrollment: { status: 'approved' }, ssidLast4: null, prompt: 'ssid_missing' });
  });

  it('follows the center’s own policy when it has one', async () => {
    await setSsidPolicy(handle.db, center.centerId, '2030-07-01', new Date().toISOString());
    try {
      const { id } = await submitted('2025-26', '');
      expect(approveEnrollmentResponseSchema.parse((await approve(id)).body).prompt).toBe('ssid_missing');
    } finally {
      await handle.db.deleteFrom('ssid_policy').where('scope', '=', center.centerId).execute();
    }
  });

  it('answers a repeated approval as it is', async () => {
    const { id } = await submitted('2025-26', randomSsid());
    const first = await approve(id);
    const again = await approve(id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it.each([
    ['an SSID another student holds', 409, PROBLEMS.ssidTaken.code],
    ['an SSID that differs from the student’s', 409, PROBLEMS.ssidDiffers.code],
    ['an SSID that is not 10 digits', 400, PROBLEMS.invalidBody.code],
  ])('refuses %s', async (label, status, code) => {
    const taken = randomSsid();
    await submitted('2025-26', taken);
    const { id } = await submitted('2025-26', label.includes('differs') ? randomSsid() : '');
    const answer = await approve(id, { ssid: label.includes('10 digits') ? '12345' : taken });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code });
  });

  it('answers another center’s enrollment like a missing one, and lists none of theirs', async () => {
    const { id } = await submitted('2025-26', '');
    const other = await makeCenter(handle, 'other');
    const theirs = await signIn(server.url, other.advisor.email, other.advisor.password);
    const answer = await approve(id, {}, theirs.token);
    const missing = await approve('0190a0a0-0000-7000-8000-000000000000', {}, theirs.token);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(missing.body);
    const list = pendingEnrollmentsResponseSchema.parse((await call(server.url, 'GET', '/api/enrollments?status=pending', { token: theirs.token })).body);
    expect(list.enrollments).toEqual([]);
  });

  it('needs a session', async () => {
    expect((await call(server.url, 'GET', '/api/enrollments?status=pending')).status).toBe(401);
    expect((await approve('0190a0a0-0000-7000-8000-000000000000', {}, 'x'.repeat(43))).status).toBe(401);
  });
});
