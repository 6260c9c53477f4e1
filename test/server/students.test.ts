/** GET /api/students over real HTTP, on each database: the caller's center only. */
import { beforeAll, describe, expect, it } from 'vitest';
import { studentListResponseSchema, studentSummarySchema } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('students API on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);
  let other: CenterFixture;
  let token: string;
  let theirStudentId: string;
  const ours = { maria: '', mario: '' };
  const ssids: string[] = [];

  beforeAll(async () => {
    other = await makeCenter(handle, 'other');
    const mine = await signIn(server.url, center.advisor.email, center.advisor.password);
    token = mine.token;
    const school = center.schoolIds[0]!;
    const maria = mutation(1, school, { application: application(school, { firstName: 'María', lastName: 'Quintero', schoolStudentId: 'A1234X' }) });
    const mario = mutation(2, school, { application: application(school, { firstName: 'Mario', lastName: 'Quintana', pafSignedDate: '' }) });
    ours.maria = maria.studentId;
    ours.mario = mario.studentId;
    ssids.push(maria.application.ssid, mario.application.ssid);
    await call(server.url, 'POST', '/api/sync/push', { token, body: { deviceId: mine.deviceId, mutations: [maria, mario] } });
    const theirs = await signIn(server.url, other.advisor.email, other.advisor.password);
    const them = mutation(1, other.schoolIds[0]!, { application: application(other.schoolIds[0]!, { lastName: 'Quinn' }) });
    theirStudentId = them.studentId;
    await call(server.url, 'POST', '/api/sync/push', { token: theirs.token, body: { deviceId: theirs.deviceId, mutations: [them] } });
  });

  it('lists only the caller’s center’s students, with enrollments and no raw SSID', async () => {
    const answer = await call(server.url, 'GET', '/api/students', { token });
    const { students } = studentListResponseSchema.parse(answer.body);
    expect(students.map((s) => s.id).sort()).toEqual([ours.maria, ours.mario].sort());
    expect(students.find((s) => s.id === ours.mario)?.enrollments).toEqual([expect.objectContaining({ programYear: '2025-26', status: 'submitted', pafStatus: 'missing', version: 1 })]);
    for (const ssid of ssids) expect(JSON.stringify(answer.body)).not.toContain(ssid);
    expect(students.find((s) => s.id === ours.maria)?.ssidLast4).toBe(ssids[0]!.slice(-4));
  });

  it.each([
    ['quint', ['Quintana', 'Quintero']],
    ['MARÍ', ['Quintero']],
    ['A1234X', ['Quintero']],
    ['quinn', []],
  ])('searches with q=%s', async (q, lastNames) => {
    const answer = await call(server.url, 'GET', `/api/students?q=${encodeURIComponent(q)}`, { token });
    expect(studentListResponseSchema.parse(answer.body).students.map((s) => s.lastName)).toEqual(lastNames);
  });

  it('shows one of the caller’s students by id', async () => {
    const answer = await call(server.url, 'GET', `/api/students/${ours.maria}`, { token });
    expect(studentSummarySchema.parse(answer.body).firstName).toBe('María');
  });

  it('answers another center’s student exactly like a missing one: 404', async () => {
    const theirs = await call(server.url, 'GET', `/api/students/${theirStudentId}`, { token });
    const missing = await call(server.url, 'GET', '/api/students/0190a0a0-0000-7000-8000-000000000000', { token });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
  });

  it('answers a bad limit with 400', async () => {
    expect((await call(server.url, 'GET', '/api/students?limit=100000', { token })).status).toBe(400);
  });
});
