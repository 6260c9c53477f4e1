/** GET /api/sync/pull over real HTTP, on each database. */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse, type PushResponse } from '../../src/shared/protocol';
import { nextChangeSeq } from '../../src/server/queries/change-seq';
import { softDeleteSchool } from '../../src/server/queries/schools';
import { softDeleteStudent } from '../../src/server/queries/students';
import { pull } from '../../src/server/sync/pull';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

/** A device that typed nothing: these pulls are about the roster. */
const NO_DEVICE = '0190a0a0-0000-7000-8000-00000000dead';

describe.each(DATABASES)('pull on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { server: { serverSecret: 'test secret' } });
  let other: CenterFixture;
  let token: string;
  let deviceId: string;
  let nextMutationId = 1;

  beforeAll(async () => {
    other = await makeCenter(handle, 'other');
    ({ token, deviceId } = await signIn(server.url, center.advisor.email, center.advisor.password));
    const theirs = await signIn(server.url, other.advisor.email, other.advisor.password);
    await call(server.url, 'POST', '/api/sync/push', { token: theirs.token, body: { deviceId: theirs.deviceId, mutations: [mutation(1, other.schoolIds[0]!)] } });
  });

  async function pushNew(count: number) {
    const batch = Array.from({ length: count }, () => mutation(nextMutationId++, center.schoolIds[0]!));
    const answer = await call<PushResponse>(server.url, 'POST', '/api/sync/push', { token, body: { deviceId, mutations: batch } });
    expect(answer.body.results.every((r) => r.status === 'applied')).toBe(true);
    return batch;
  }

  async function pullFrom(checkpoint?: string): Promise<PullResponse> {
    const answer = await call(server.url, 'GET', `/api/sync/pull${checkpoint === undefined ? '' : `?checkpoint=${encodeURIComponent(checkpoint)}`}`, { token });
    expect(answer.status).toBe(200);
    return pullResponseSchema.parse(answer.body);
  }

  it('returns the caller’s center, its schools and its roster, and nothing of another center', async () => {
    const pushed = await pushNew(2);
    const first = await pullFrom();
    expect(first.center.id).toBe(center.centerId);
    expect(first.schools.map((s) => s.id).sort()).toEqual([...center.schoolIds].sort());
    expect(first.roster.map((r) => r.studentId).sort()).toEqual(pushed.map((m) => m.studentId).sort());
    expect(first.more).toBe(false);
  });

  it('carries a keyed hash and the last four digits, never the SSID', async () => {
    const [m] = await pushNew(1);
    const answer = await call(server.url, 'GET', '/api/sync/pull', { token });
    const body = pullResponseSchema.parse(answer.body);
    const ssid = m!.application.ssid;
    expect(JSON.stringify(answer.body)).not.toContain(ssid);
    const entry = body.roster.find((r) => r.studentId === m!.studentId)!;
    const centerKey = createHmac('sha256', 'test secret').update(center.centerId).digest();
    expect(body.ssidKey).toBe(centerKey.toString('hex'));
    expect(entry.ssidHash).toBe(createHmac('sha256', Buffer.from(body.ssidKey, 'hex')).update(ssid).digest('hex'));
    expect(entry.ssidLast4).toBe(ssid.slice(-4));
  });

  it('returns only what changed since the checkpoint, soft deletes included', async () => {
    const start = await pullFrom();
    expect((await pullFrom(start.checkpoint)).roster).toEqual([]);
    const [added] = await pushNew(1);
    const seq = await nextChangeSeq(handle.db, center.centerId);
    await softDeleteStudent(handle.db, added!.studentId, seq, new Date().toISOString());
    await softDeleteSchool(handle.db, center.schoolIds[1]!, await nextChangeSeq(handle.db, center.centerId), new Date().toISOString());
    const next = await pullFrom(start.checkpoint);
    expect(next.roster).toEqual([expect.objectContaining({ studentId: added!.studentId, deleted: true })]);
    expect(next.schools).toEqual([expect.objectContaining({ id: center.schoolIds[1], deleted: true })]);
  });

  it('pages a long roster with `more` and loses nothing between pages', async () => {
    const start = await pullFrom();
    const pushed = await pushNew(7);
    const seen: string[] = [];
    let checkpoint = start.checkpoint;
    let pages = 0;
    for (;;) {
      const page = await pull(handle.db, 'test secret', { centerId: center.centerId, deviceId: NO_DEVICE }, checkpoint, 3);
      seen.push(...page.roster.map((r) => r.studentId));
      checkpoint = page.checkpoint;
      pages += 1;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(pushed.map((m) => m.studentId).sort());
  });

  it('answers a checkpoint it did not make with 400', async () => {
    const answer = await call(server.url, 'GET', '/api/sync/pull?checkpoint=bogus', { token });
    expect(answer.status).toBe(400);
  });

  it('starts again from the beginning when the server secret changed', async () => {
    const latest = await pullFrom();
    const rotated = await pull(handle.db, 'a new secret', { centerId: center.centerId, deviceId: NO_DEVICE }, latest.checkpoint);
    expect(rotated.roster.length).toBeGreaterThan(0);
    expect(rotated.ssidKey).not.toBe(latest.ssidKey);
  });
});
