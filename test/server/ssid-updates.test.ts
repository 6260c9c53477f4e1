/**
 * SSID updates pushed over real HTTP, on each database: set with source and
 * who confirmed it, visible on the record page with its history, never
 * overwriting a different SSID unless the advisor said it replaces it.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { pullResponseSchema, pushResponseSchema, studentRecordSchema, type AnyMutation, type SsidUpdateMutation } from '../../src/shared/protocol';
import { RETURN_CONFIRMED_ACTION } from '../../src/server/queries/progress';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, randomSsid } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('SSID updates on $name', (database) => {
  const { handle, server, center, session } = useServerSuite(database, { signIn: 'advisor' });
  let nextId = 1;

  async function push(mutations: AnyMutation[], as = session) {
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: as.token, body: { deviceId: as.deviceId, mutations } });
    expect(answer.status).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }

  function ssidUpdate(studentId: string, ssid: string, change: Partial<SsidUpdateMutation> = {}): SsidUpdateMutation {
    return { kind: 'ssid_update', mutationId: nextId++, recordId: uuidv7(), studentId, version: 1, ssid, source: 'school_records', confirmedAt: new Date().toISOString(), ...change };
  }

  /** A new student of our center, with the SSID on the paper (or none). */
  async function newStudent(ssid: string): Promise<string> {
    const school = center.schoolIds[0]!;
    const m = mutation(nextId++, school, { application: application(school, { ssid, ssidSource: ssid === '' ? '' : 'student_form' }) });
    const [result] = await push([m]);
    expect(result?.status).toBe('applied');
    return m.studentId;
  }

  async function record(studentId: string) {
    const answer = await call(server.url, 'GET', `/api/students/${studentId}`, { token: session.token });
    expect(answer.status).toBe(200);
    return studentRecordSchema.parse(answer.body);
  }

  it('sets a school’s SSID with its source, who confirmed it, and an audited history', async () => {
    const studentId = await newStudent('');
    const ssid = randomSsid();
    const update = ssidUpdate(studentId, ssid);
    const [result] = await push([update]);
    expect(result).toMatchObject({ status: 'applied', recordId: update.recordId });

    const shown = await record(studentId);
    expect(shown).toMatchObject({ ssid, ssidLast4: ssid.slice(-4), ssidSource: 'school_records', ssidConfirmedAt: update.confirmedAt, ssidConfirmedBy: expect.stringContaining('Advisor') });
    expect(shown.history).toEqual([expect.objectContaining({ action: 'ssid_changed', from: null, to: ssid.slice(-4), by: shown.ssidConfirmedBy })]);
    expect(JSON.stringify(shown.history)).not.toContain(ssid);
  });

  it('sends the new SSID to tablets with the next pull, hashed', async () => {
    const studentId = await newStudent('');
    const ssid = randomSsid();
    const before = pullResponseSchema.parse((await call(server.url, 'GET', '/api/sync/pull', { token: session.token })).body);
    await push([ssidUpdate(studentId, ssid)]);
    const after = pullResponseSchema.parse((await call(server.url, 'GET', `/api/sync/pull?checkpoint=${before.checkpoint}`, { token: session.token })).body);
    expect(after.roster).toEqual([expect.objectContaining({ studentId, ssidLast4: ssid.slice(-4), ssidSource: 'school_records', ssidHash: expect.any(String) })]);
    expect(JSON.stringify(after)).not.toContain(ssid);
  });

  it('answers a second push of the same update as a duplicate, and the same SSID as applied without a change', async () => {
    const ssid = randomSsid();
    const studentId = await newStudent(ssid);
    const before = await record(studentId);
    const update = ssidUpdate(studentId, ssid);
    expect((await push([update]))[0]?.status).toBe('applied');
    expect((await push([update]))[0]?.status).toBe('duplicate');
    const after = await record(studentId);
    expect(after).toMatchObject({ ssidSource: 'student_form', version: before.version });
    expect(after.history).toHaveLength(1);
  });

  it('never overwrites a different SSID: a conflict, unless the update replaces the one the student has', async () => {
    const paper = randomSsid();
    const school = randomSsid();
    const studentId = await newStudent(paper);
    const [differs] = await push([ssidUpdate(studentId, school)]);
    expect(differs).toMatchObject({ status: 'conflict', reason: { code: 'ssid_differs' } });
    expect(JSON.stringify(differs)).not.toContain(paper);
    expect((await record(studentId)).ssid).toBe(paper);

    const [wrongGuess] = await push([ssidUpdate(studentId, school, { replaces: '0000' === paper.slice(-4) ? '1111' : '0000' })]);
    expect(wrongGuess?.status).toBe('conflict');
    const [replaced] = await push([ssidUpdate(studentId, school, { replaces: paper.slice(-4) })]);
    expect(replaced?.status).toBe('applied');
    const shown = await record(studentId);
    expect(shown).toMatchObject({ ssid: school, ssidSource: 'school_records' });
    expect(shown.history.map((h) => [h.from, h.to])).toEqual([[null, paper.slice(-4)], [paper.slice(-4), school.slice(-4)]]);
  });

  it('refuses an SSID another student holds, and a student of another center', async () => {
    const taken = randomSsid();
    await newStudent(taken);
    const studentId = await newStudent('');
    const other = await makeCenter(handle, 'other');
    const theirs = await signIn(server.url, other.advisor.email, other.advisor.password);
    const [conflict] = await push([ssidUpdate(studentId, taken)]);
    const [rejected] = await push([{ ...ssidUpdate(studentId, randomSsid()), mutationId: 1 }], theirs);
    expect(conflict).toMatchObject({ status: 'conflict', reason: { code: 'ssid_taken' } });
    expect(rejected).toMatchObject({ status: 'rejected', reason: { code: 'unknown_student' } });
    expect((await record(studentId)).ssid).toBeNull();
  });

  it('rejects an update whose SSID is not 10 digits, naming the field, and applies the rest of the push', async () => {
    const studentId = await newStudent('');
    const bad = ssidUpdate(studentId, '12345');
    const good = ssidUpdate(studentId, randomSsid());
    const results = await push([bad, good]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid', fields: [expect.objectContaining({ field: 'ssid' })] } });
    expect(results[1]?.status).toBe('applied');
  });

  it('still applies an application mutation queued before mutation kinds existed, and one that names its kind', async () => {
    const school = center.schoolIds[0]!;
    const old = mutation(nextId++, school);
    const named = { ...mutation(nextId++, school), kind: 'application' as const };
    expect((await push([old, named])).map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('answers each applied update with the student’s version, and counts only a school’s return agreeing with the SSID as confirming it', async () => {
    const ssid = randomSsid();
    const studentId = await newStudent('');
    const set = await push([ssidUpdate(studentId, ssid)]);
    expect(set[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    const confirmations = () => handle.db.selectFrom('audit_log').select(['action', 'user_id', 'old_value', 'new_value'])
      .where('entity', '=', 'student').where('entity_id', '=', studentId).where('action', '=', RETURN_CONFIRMED_ACTION).execute();
    const [fromForm] = await push([ssidUpdate(studentId, ssid, { source: 'student_form' })]);
    expect(fromForm).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect(await confirmations()).toEqual([]);
    const [fromReturn] = await push([ssidUpdate(studentId, ssid, { source: 'school_records' })]);
    expect(fromReturn).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect(await confirmations()).toEqual([{ action: RETURN_CONFIRMED_ACTION, user_id: session.user.id, old_value: null, new_value: null }]);
  });

  it('refuses an update for a student the center removed, and tells the advisor the different SSID’s last four digits only', async () => {
    const removedId = await newStudent('');
    await handle.db.updateTable('students').set({ deleted: 1 }).where('id', '=', removedId).execute();
    const [removed] = await push([ssidUpdate(removedId, randomSsid())]);
    expect(removed).toMatchObject({ status: 'rejected', reason: { code: 'student_removed' } });
    expect((await handle.db.selectFrom('students').select('ssid').where('id', '=', removedId).executeTakeFirst())?.ssid).toBeNull();

    const paper = randomSsid();
    const [differs] = await push([ssidUpdate(await newStudent(paper), randomSsid())]);
    expect(differs).toEqual({
      mutationId: expect.any(Number), recordId: expect.any(String), status: 'conflict',
      reason: { code: 'ssid_differs', message: `The student already has a different CA SSID (ending ${paper.slice(-4)}). Decide which is right before replacing it.` },
    });
  });

  it('keeps SSIDs out of the application log', async () => {
    const ssid = randomSsid();
    await push([ssidUpdate(await newStudent(''), ssid)]);
    expect(server.logs.join('\n')).not.toContain(ssid);
  });
});
