import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  elsewhereSentences, isOpenReport, notArrived, notArrivedSentence, openReportsElsewhere, settledByRestore, shortDateInWords, tabletLabel,
  type DeviceReport,
} from '../../src/shared/unsent-reports';

const NOV20 = '2026-11-20T15:00:00.000Z';
const NOV21 = '2026-11-21T09:00:00.000Z';
const NOV22 = '2026-11-22T09:00:00.000Z';

/** Ana's tablet A reported 12 unsent records on Nov 20 and was not heard from since. */
const device = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  deviceId: 'A', userId: 'ana', unsent: 12, reportedAt: NOV20, lastSeenAt: NOV20,
  emptySignInAt: null, dismissedAt: null, recoveredAt: null, ...over,
});
/** Ana signing in on tablet B with an empty store on Nov 22. */
const emptyB = device({ deviceId: 'B', unsent: 0, reportedAt: null, lastSeenAt: NOV22, emptySignInAt: NOV22 });

describe('isOpenReport: unsent records reported and not settled', () => {
  it.each<[string, Partial<DeviceReport>, boolean]>([
    ['12 reported, nothing since', {}, true],
    ['the device reported 0 (its records arrived)', { unsent: 0 }, false],
    ['never reported', { unsent: 0, reportedAt: null }, false],
    ['dismissed by the administrator after the report', { dismissedAt: NOV21 }, false],
    ['dismissed before a newer report', { dismissedAt: '2026-11-19T00:00:00.000Z' }, true],
    ['recovered from a backup after the report', { recoveredAt: NOV21 }, false],
    ['recovered before a newer report', { recoveredAt: '2026-11-19T00:00:00.000Z' }, true],
  ])('%s: %s', (_, over, open) => {
    expect(isOpenReport(device(over))).toBe(open);
  });
});

describe('openReportsElsewhere: what the user signing in on an empty tablet is told', () => {
  it('names the user’s other device with an open report', () => {
    expect(openReportsElsewhere([device(), emptyB], { deviceId: 'B', userId: 'ana' }).map((d) => d.deviceId)).toEqual(['A']);
  });

  it.each<[string, DeviceReport[]]>([
    ['another user’s device', [device({ userId: 'ben' })]],
    ['a device whose records arrived', [device({ unsent: 0 })]],
    ['a dismissed report', [device({ dismissedAt: NOV21 })]],
    ['the signing-in device itself', [device({ deviceId: 'B' })]],
  ])('leaves out %s', (_, devices) => {
    expect(openReportsElsewhere(devices, { deviceId: 'B', userId: 'ana' })).toEqual([]);
  });

  it('lists several devices, the latest report first', () => {
    const older = device({ deviceId: 'C', reportedAt: '2026-11-10T00:00:00.000Z', unsent: 3 });
    expect(openReportsElsewhere([older, device()], { deviceId: 'B', userId: 'ana' }).map((d) => d.deviceId)).toEqual(['A', 'C']);
  });
});

describe('notArrived: what the center is shown', () => {
  it.each<[string, DeviceReport[], string[]]>([
    ['the user signed in empty elsewhere after the device was last heard from', [device(), emptyB], ['A']],
    ['no empty sign-in: the records are simply waiting on the tablet', [device()], []],
    ['the device was heard from after the empty sign-in: its store is there', [device({ lastSeenAt: '2026-11-23T00:00:00.000Z' }), emptyB], []],
    ['the empty sign-in came before the report', [device({ reportedAt: NOV22, lastSeenAt: NOV22 }), { ...emptyB, emptySignInAt: NOV21 }], []],
    ['another user signed in empty', [device(), { ...emptyB, userId: 'ben' }], []],
    ['the report was dismissed', [device({ dismissedAt: '2026-11-23T00:00:00.000Z' }), emptyB], []],
    ['the records were recovered from a backup', [device({ recoveredAt: '2026-11-23T00:00:00.000Z' }), emptyB], []],
  ])('%s', (_, devices, expected) => {
    expect(notArrived(devices).map((n) => n.device.deviceId)).toEqual(expected);
  });

  it('gives the latest empty sign-in after the device was last heard from', () => {
    const emptyC = { ...emptyB, deviceId: 'C', emptySignInAt: '2026-11-25T00:00:00.000Z' };
    expect(notArrived([device(), emptyB, emptyC])).toEqual([{ device: device(), emptySignInAt: '2026-11-25T00:00:00.000Z' }]);
  });

  it('never names a device whose report is closed, nor one heard from after every empty sign-in', () => {
    const report = fc.record({
      deviceId: fc.constantFrom('A', 'B', 'C'), userId: fc.constantFrom('ana', 'ben'), unsent: fc.integer({ min: 0, max: 3 }),
      reportedAt: fc.option(fc.constantFrom(NOV20, NOV21, NOV22)), lastSeenAt: fc.constantFrom(NOV20, NOV21, NOV22),
      emptySignInAt: fc.option(fc.constantFrom(NOV20, NOV21, NOV22)), dismissedAt: fc.option(fc.constantFrom(NOV21)), recoveredAt: fc.option(fc.constantFrom(NOV22)),
    });
    fc.assert(fc.property(fc.array(report, { maxLength: 5 }), (devices) => {
      for (const { device: d, emptySignInAt } of notArrived(devices)) {
        expect(isOpenReport(d)).toBe(true);
        expect(emptySignInAt > d.lastSeenAt).toBe(true);
      }
    }));
  });
});

describe('settledByRestore: a backup restored elsewhere whose records arrived', () => {
  const restored = (madeAt: string, unsent = 0) => ({ deviceId: 'B', unsent, restoredFrom: [{ deviceId: 'A', madeAt }] });
  it.each<[string, ReturnType<typeof restored>, string[]]>([
    ['a backup made after the report, everything arrived', restored(NOV21), ['A']],
    ['a backup made at the report', restored(NOV20), ['A']],
    ['a backup made before the report may lack records', restored('2026-11-19T00:00:00.000Z'), []],
    ['the restoring tablet still holds unsent records', restored(NOV21, 2), []],
    ['a backup of another device', { deviceId: 'B', unsent: 0, restoredFrom: [{ deviceId: 'C', madeAt: NOV21 }] }, []],
  ])('%s', (_, reporter, expected) => {
    expect(settledByRestore([device(), emptyB], reporter).map((d) => d.deviceId)).toEqual(expected);
  });
});

describe('sentences: dates in words, counts that read', () => {
  it.each([
    ['2026-11-20', '2026-12-01', 'Nov 20'],
    ['2025-11-20', '2026-01-05', 'Nov 20, 2025'],
    ['2026-03-05', '2026-03-05', 'Mar 5'],
  ])('%s said on %s: %s', (iso, today, words) => {
    expect(shortDateInWords(iso, today)).toBe(words);
  });

  it('tells the administrator what the issue asks for', () => {
    expect(notArrivedSentence(12, '2026-11-20', '2026-12-01')).toBe('This tablet last reported 12 unsent records on Nov 20; they have not arrived. Look for a backup file.');
    expect(notArrivedSentence(1, '2026-11-20', '2026-12-01')).toBe('This tablet last reported 1 unsent record on Nov 20; it has not arrived. Look for a backup file.');
  });

  it('tells the advisor both possibilities, not only the worse', () => {
    expect(elsewhereSentences('Tablet …a1b2c3', 12, '2026-11-20', '2026-12-01')).toEqual({
      warning: 'Your tablet “Tablet …a1b2c3” last reported 12 unsent records on Nov 20; they have not arrived.',
      advice: 'If that was this tablet, its storage was cleared: look for a backup file. If that tablet still works, the records are on it: open it and sync.',
    });
  });

  it('names a tablet without a name by the end of its id', () => {
    expect(tabletLabel('', '0190aaaa-bbbb-7ccc-8ddd-eeeeffa1b2c3')).toBe('Tablet …a1b2c3');
    expect(tabletLabel('Front desk iPad', 'x')).toBe('Front desk iPad');
  });
});
