/**
 * Loss is never silent (issue 13 item 3), over real HTTP on each database: a
 * tablet reports its unsent records at each sync; the same advisor signing in on
 * an empty tablet (a new device id: the old one was in the lost store) is told,
 * and the administrator sees the tablet whose records have not arrived until
 * they arrive, a backup of them is restored and sent, or the administrator
 * dismisses it (audited).
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Tablet } from '../../src/shared/admin-protocol';
import { uuidv7 } from '../../src/shared/ids';
import { PROBLEMS } from '../../src/shared/problems';
import type { SessionResponse } from '../../src/shared/protocol';
import { createUser } from '../../src/server/accounts';
import { DATABASES } from './helpers/databases';
import { PASSWORD } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

type Session = Awaited<ReturnType<typeof signIn>>;

// Sign-ins hash with scrypt: room for a loaded machine.
describe.each(DATABASES)('unsent records reported and missed on $name', { timeout: 60_000 }, (database) => {
  const { handle, server, center, session: admin } = useServerSuite(database, { center: 'unsent', signIn: 'admin' });
  let advisorCount = 0;

  /** A fresh advisor of the center, so each test's devices are its own. */
  async function newAdvisor(): Promise<{ email: string; name: string }> {
    advisorCount += 1;
    const email = `unsent-${advisorCount}-${uuidv7().slice(-8)}@example.org`;
    const name = `Ana Unsent ${advisorCount}`;
    await createUser(handle.db, { email, name, role: 'advisor', centerId: center.centerId, password: PASSWORD });
    return { email, name };
  }
  const report = (session: Session, unsent: number, restoredFrom?: { deviceId: string; madeAt: string }[]) =>
    call<{ reportedAt: string }>(server.url, 'POST', '/api/sync/report', { token: session.token, body: { deviceId: session.deviceId, unsent, ...(restoredFrom ? { restoredFrom } : {}) } });
  async function signInEmpty(email: string): Promise<SessionResponse & { deviceId: string }> {
    const deviceId = uuidv7();
    const answer = await call<SessionResponse>(server.url, 'POST', '/api/session', { body: { email, password: PASSWORD, deviceId, emptyStore: true } });
    expect(answer.status).toBe(200);
    return { ...answer.body, deviceId };
  }
  const tablet = async (deviceId: string): Promise<Tablet> => {
    const answer = await call<{ tablets: Tablet[] }>(server.url, 'GET', '/api/admin/tablets', { token: admin.token });
    return answer.body.tablets.find((t) => t.deviceId === deviceId)!;
  };
  const history = async () => (await call<{ entries: HistoryEntry[] }>(server.url, 'GET', '/api/admin/history', { token: admin.token })).body.entries;

  it('shows each tablet’s last report to the administrator', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    expect((await tablet(a.deviceId)).unsent).toBeNull();
    const answer = await report(a, 12);
    expect(answer.status).toBe(200);
    expect(await tablet(a.deviceId)).toMatchObject({ unsent: { records: 12, reportedAt: answer.body.reportedAt }, notArrived: null });
  });

  it('tells the advisor on an empty tablet, and the administrator, that a tablet’s 12 records have not arrived', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    const reportedAt = (await report(a, 12)).body.reportedAt;

    const b = await signInEmpty(ana.email);
    expect(b.unsentElsewhere).toEqual([{ deviceId: a.deviceId, name: `Tablet …${a.deviceId.slice(-6)}`, unsent: 12, reportedAt }]);
    expect((await tablet(a.deviceId)).notArrived).toMatchObject({ records: 12, reportedAt, userName: ana.name });

    // A sign-in that did not say its store is empty is answered as before.
    const again = await call<SessionResponse>(server.url, 'POST', '/api/session', { body: { email: ana.email, password: PASSWORD, deviceId: uuidv7() } });
    expect(again.body).not.toHaveProperty('unsentElsewhere');
  });

  it('ends the warning when the tablet’s records arrive, and says nothing of a tablet heard from since', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    await report(a, 12);
    await signInEmpty(ana.email);
    // Tablet A syncs again: its store is there, the records are waiting on it, not lost.
    await report(a, 3);
    expect(await tablet(a.deviceId)).toMatchObject({ unsent: { records: 3 }, notArrived: null });
    // The advisor on yet another empty tablet still hears of them: nobody can tell which tablet this is.
    expect((await signInEmpty(ana.email)).unsentElsewhere).toMatchObject([{ deviceId: a.deviceId, unsent: 3 }]);
    await report(a, 0);
    expect((await signInEmpty(ana.email)).unsentElsewhere).toEqual([]);
    expect((await tablet(a.deviceId)).notArrived).toBeNull();
  });

  it('ends the warning when a backup of that tablet, made after its report, is restored and its records arrive', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    const reportedAt = (await report(a, 12)).body.reportedAt;
    const b = await signInEmpty(ana.email);
    const before = new Date(Date.parse(reportedAt) - 60_000).toISOString();
    // An older backup may lack the last records; a restoring tablet with records still unsent has not sent them.
    await report(b, 0, [{ deviceId: a.deviceId, madeAt: before }]);
    await report(b, 2, [{ deviceId: a.deviceId, madeAt: reportedAt }]);
    expect((await tablet(a.deviceId)).notArrived).not.toBeNull();
    await report(b, 0, [{ deviceId: a.deviceId, madeAt: reportedAt }]);
    expect((await tablet(a.deviceId)).notArrived).toBeNull();
    expect((await signInEmpty(ana.email)).unsentElsewhere).toEqual([]);
    expect((await history())[0]).toMatchObject({ action: 'unsent_recovered', by: ana.name, subject: `Tablet …${a.deviceId.slice(-6)}` });
  });

  it('lets the administrator dismiss it after looking, in the history', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    await report(a, 12);
    await signInEmpty(ana.email);
    const dismissed = await call(server.url, 'POST', `/api/admin/tablets/${a.deviceId}/dismiss-unsent`, { token: admin.token });
    expect(dismissed.status).toBe(200);
    expect((await tablet(a.deviceId)).notArrived).toBeNull();
    expect((await signInEmpty(ana.email)).unsentElsewhere).toEqual([]);
    expect((await history())[0]).toMatchObject({ action: 'unsent_dismissed', by: expect.stringContaining('Admin'), subject: `Tablet …${a.deviceId.slice(-6)}: 12 unsent records` });
    // A new report opens it again.
    await report(a, 4);
    expect((await signInEmpty(ana.email)).unsentElsewhere).toMatchObject([{ deviceId: a.deviceId, unsent: 4 }]);
  });

  it('takes reports only for the session’s own device, and only counts', async () => {
    const ana = await newAdvisor();
    const a = await signIn(server.url, ana.email, PASSWORD);
    const other = await call(server.url, 'POST', '/api/sync/report', { token: a.token, body: { deviceId: uuidv7(), unsent: 1 } });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: PROBLEMS.forbidden.code });
    for (const body of [{ deviceId: a.deviceId, unsent: -1 }, { deviceId: a.deviceId, unsent: 1.5 }, { deviceId: a.deviceId }, { deviceId: a.deviceId, unsent: 1, restoredFrom: [{ deviceId: 'x', madeAt: 'yesterday' }] }]) {
      expect((await call(server.url, 'POST', '/api/sync/report', { token: a.token, body })).status).toBe(400);
    }
    const advisorDismiss = await call(server.url, 'POST', `/api/admin/tablets/${a.deviceId}/dismiss-unsent`, { token: a.token });
    expect(advisorDismiss.status).toBe(403);
  });
});
