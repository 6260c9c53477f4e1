/**
 * SSID collection progress per school and program year (issue 13, item 2),
 * over real HTTP on each database: enrolled, with an SSID by source, confirmed
 * by a school return, still missing; only the caller's center and year count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressResponse } from '../../src/shared/admin-protocol';
import { uuidv7 } from '../../src/shared/ids';
import type { Mutation } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('SSID collection progress on $name', { timeout: 60_000 }, (database) => {
  const { handle, server, center } = useServerSuite(database, { center: 'progress' });
  let admin: string;

  beforeAll(async () => {
    admin = (await signIn(server.url, center.admin.email, center.admin.password)).token;
    const advisor = await signIn(server.url, center.advisor.email, center.advisor.password);
    const [north, south] = center.schoolIds as [string, string];
    let id = 0;
    const make = (schoolId: string, over: { ssid?: string; source?: Mutation['ssidSource']; programYear?: string }) => {
      id += 1;
      const app = application(schoolId, { programYear: over.programYear ?? '2025-26', ...(over.ssid === undefined ? {} : { ssid: over.ssid }), ssidSource: over.source ?? 'student_form' });
      return mutation(id, schoolId, { application: app, ssidSource: over.ssid === '' ? null : over.source ?? 'student_form' });
    };
    const mutations = [
      make(north, { source: 'school_records' }),
      make(north, { source: 'student_form' }),
      make(north, { source: 'student_form' }),
      make(north, { ssid: '' }),
      make(north, { ssid: '' }),
      make(south, { source: 'student_online' }),
      make(south, { ssid: '' }),
      make(south, { source: 'student_form', programYear: '2024-25' }),
    ];
    // The school's return agrees with the SSID typed from the paper for the third one; a second return agrees again.
    const confirmedLater = mutations[2]!;
    const agreement = () => ({ kind: 'ssid_update', mutationId: ++id, recordId: uuidv7(), studentId: confirmedLater.studentId, version: 1, ssid: confirmedLater.application.ssid, source: 'school_records', confirmedAt: new Date().toISOString() });
    const pushed = await call<{ results: { status: string }[] }>(server.url, 'POST', '/api/sync/push', { token: advisor.token, body: { deviceId: advisor.deviceId, mutations: [...mutations, agreement(), agreement()] } });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(pushed.body.results.map((r) => r.status)).toEqual(Array(10).fill('applied'));

    // Another center's students never count.
    const other = await makeCenter(handle, 'elsewhere');
    const them = await signIn(server.url, other.advisor.email, other.advisor.password);
    await call(server.url, 'POST', '/api/sync/push', { token: them.token, body: { deviceId: them.deviceId, mutations: [mutation(1, other.schoolIds[0]!)] } });
  });

  it('counts each school’s enrolled students, SSIDs by source, return confirmations (a student once however many returns agreed) and what is missing', async () => {
    const answer = await call<ProgressResponse>(server.url, 'GET', '/api/admin/progress?programYear=2025-26', { token: admin });
    expect(answer.status).toBe(200);
    expect(answer.body.programYears).toEqual(['2025-26', '2024-25']);
    expect(answer.body.centerName).toMatch(/^Center progress-/);
    const bySchool = Object.fromEntries(answer.body.schools.map((s) => [s.schoolId, s]));
    expect(bySchool[center.schoolIds[0]!]).toMatchObject({
      enrolled: 5, withSsid: 3, bySource: { school_records: 1, student_form: 2, student_online: 0 }, confirmedByReturn: 2, missing: 2,
    });
    expect(bySchool[center.schoolIds[1]!]).toMatchObject({
      enrolled: 2, withSsid: 1, bySource: { school_records: 0, student_form: 0, student_online: 1 }, confirmedByReturn: 0, missing: 1,
    });
    expect(answer.body.schools).toHaveLength(2);
  });

  it('shows another program year on its own', async () => {
    const answer = await call<ProgressResponse>(server.url, 'GET', '/api/admin/progress?programYear=2024-25', { token: admin });
    expect(answer.body.schools).toEqual([expect.objectContaining({ schoolId: center.schoolIds[1], enrolled: 1, withSsid: 1, missing: 0 })]);
  });

  it('refuses a program year that is not one', async () => {
    expect((await call(server.url, 'GET', '/api/admin/progress?programYear=2025', { token: admin })).status).toBe(400);
  });
});
