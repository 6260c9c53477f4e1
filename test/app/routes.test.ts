/**
 * The route table and the paths module together: every address a link or the
 * navigation builds opens the screen meant for it, never the one of a pattern
 * with a parameter in the same place, and its parameters arrive intact.
 */
import { describe, expect, it } from 'vitest';
import { PATTERNS, paths, recordPagePattern } from '../../src/app/paths';
import { ROUTES, routeFor } from '../../src/app/routes';

describe('the route table', () => {
  it.each([
    [paths.batches(), PATTERNS.batches],
    [paths.newBatch(), PATTERNS.newBatch],
    [paths.batch('b1'), PATTERNS.batch],
    [paths.newRecord('b1'), PATTERNS.newRecord],
    [paths.records(), PATTERNS.records],
    [paths.record('r1'), PATTERNS.record],
    [paths.repair('applications', 'r1'), PATTERNS.repair],
    [paths.students(), PATTERNS.students],
    [paths.requestList(), PATTERNS.requestList],
    [paths.schoolReturn(), PATTERNS.schoolReturn],
    [paths.approvals(), PATTERNS.approvals],
    [paths.student('s1'), PATTERNS.student],
    [paths.student('s1', 'record-information'), recordPagePattern('record-information')],
    [paths.student('s1', 'enrollments'), recordPagePattern('enrollments')],
    [paths.signIn(), PATTERNS.signIn],
    [paths.attention(), PATTERNS.attention],
    [paths.backup(), PATTERNS.backup],
    [paths.passphrase(), PATTERNS.passphrase],
    [paths.centerAccounts(), PATTERNS.centerAccounts],
    [paths.centerSchools(), PATTERNS.centerSchools],
    [paths.centerTablets(), PATTERNS.centerTablets],
    [paths.centerProgress(), PATTERNS.centerProgress],
  ])('%s opens the screen at %s', (path, pattern) => {
    expect(routeFor(path)?.route.pattern).toBe(pattern);
  });

  it('gives every screen pattern a route, and the re-enrollment page none (it is served outside the advisor’s app)', () => {
    const routed = new Set(ROUTES.map((r) => r.pattern));
    const unrouted = Object.values(PATTERNS).filter((p) => !routed.has(p));
    expect(unrouted).toEqual([PATTERNS.reEnroll]);
  });

  it('hands a screen its parameters as they were, even with a slash or a space in them', () => {
    expect(routeFor(paths.batch('a/b c'))?.params).toEqual({ batchId: 'a/b c' });
    expect(routeFor(paths.repair('outbox', '12/3'))?.params).toEqual({ table: 'outbox', key: '12/3' });
    expect(routeFor(paths.student('s/1', 'enrollments'))?.params).toEqual({ studentId: 's/1' });
  });

  it('opens no screen at an address the app does not know', () => {
    expect(routeFor('/students/s1/grades')).toBeNull();
    expect(routeFor('/nowhere')).toBeNull();
  });
});
