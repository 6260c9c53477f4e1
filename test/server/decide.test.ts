/** The push rules as a table: what the server does with one valid mutation. */
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/shared/protocol';
import { decide, type ServerState } from '../../src/server/sync/decide';
import { mutation } from './helpers/fixtures';

const m: Mutation = mutation(1, 'school-1', { baseServerVersion: 2 });
const calm: ServerState = { centerId: 'c1', deviceId: 'd1', schoolInCenter: true, student: undefined, enrollment: undefined, ssidOwnerId: undefined };

describe('decide', () => {
  it.each<[string, Partial<ServerState>, Partial<Mutation>, ReturnType<typeof decide>['kind'], string | undefined]>([
    ['a new record', {}, {}, 'apply', undefined],
    ['a student of another center', { student: { centerId: 'c2', deleted: false } }, {}, 'rejected', 'forbidden'],
    ['an enrollment of another center', { enrollment: { centerId: 'c2', version: 1, updatedByDevice: 'd1' } }, {}, 'rejected', 'forbidden'],
    ['a school outside the center', { schoolInCenter: false }, {}, 'rejected', 'unknown_school'],
    ['a student the center removed', { student: { centerId: 'c1', deleted: true } }, {}, 'rejected', 'student_removed'],
    ['a newer version from another device', { enrollment: { centerId: 'c1', version: 3, updatedByDevice: 'd2' } }, {}, 'conflict', 'stale_version'],
    ['a newer version from this device', { enrollment: { centerId: 'c1', version: 3, updatedByDevice: 'd1' } }, {}, 'apply', undefined],
    ['the version the tablet saw', { enrollment: { centerId: 'c1', version: 2, updatedByDevice: 'd2' } }, {}, 'apply', undefined],
    ['a record the tablet thinks is new, written by another device', { enrollment: { centerId: 'c1', version: 1, updatedByDevice: 'd2' } }, { baseServerVersion: null }, 'conflict', 'stale_version'],
    ['an SSID held by another student', { ssidOwnerId: 'someone-else' }, {}, 'conflict', 'ssid_taken'],
    ['an SSID held by this student', { ssidOwnerId: m.studentId }, {}, 'apply', undefined],
  ])('%s', (_label, state, change, kind, code) => {
    const decision = decide({ ...m, ...change }, { ...calm, ...state });
    expect(decision.kind).toBe(kind);
    const actualCode = decision.kind === 'rejected' ? decision.reason.code : decision.kind === 'conflict' ? decision.code : undefined;
    expect(actualCode).toBe(code);
  });

  it('stores a disputed SSID for review without giving it to the student', () => {
    expect(decide({ ...m, sendToReview: true }, { ...calm, ssidOwnerId: 'someone-else' })).toEqual({ kind: 'apply', assignSsid: false, status: 'needs_review' });
  });

  it('assigns the SSID only when the application has one', () => {
    const blank = { ...m, application: { ...m.application, ssid: '' } };
    expect(decide(blank, calm)).toEqual({ kind: 'apply', assignSsid: false, status: 'submitted' });
    expect(decide(m, calm)).toEqual({ kind: 'apply', assignSsid: true, status: 'submitted' });
  });

  it('reports the server version with a stale-version conflict', () => {
    expect(decide(m, { ...calm, enrollment: { centerId: 'c1', version: 5, updatedByDevice: 'd9' } })).toMatchObject({ serverVersion: 5 });
  });
});
