import { describe, expect, it } from 'vitest';
import { takesSheetToVerify, takesVerifiedVersion, type HeldSheet, type HeldToVerify } from '../../src/shared/verify-elsewhere';

describe('the first keyer’s tablet taking a version verified elsewhere', () => {
  const synced: HeldSheet = { status: 'synced', serverVersion: 1, queued: false };
  it.each<[string, HeldSheet, number, boolean]>([
    ['a synced sheet, verified at the next version', synced, 2, true],
    ['the same pull seen again', { ...synced, serverVersion: 2 }, 2, false],
    ['an older version than the tablet saw', { ...synced, serverVersion: 3 }, 2, false],
    ['a sheet edited since (ready, not yet confirmed)', { ...synced, status: 'ready' }, 2, false],
    ['a sheet whose edit waits in the outbox', { ...synced, status: 'queued', queued: true }, 2, false],
    ['a synced sheet with an older version still queued', { ...synced, queued: true }, 2, false],
    ['a sheet in conflict (the advisor decides)', { ...synced, status: 'conflict' }, 2, false],
    ['a sheet the server never acknowledged', { ...synced, serverVersion: null }, 2, false],
  ])('%s: taken %s', (_, held, version, expected) => {
    expect(takesVerifiedVersion(held, version)).toBe(expected);
  });
});

describe('the second keyer’s tablet storing a sheet to verify', () => {
  it.each<[string, HeldToVerify, number, boolean]>([
    ['a sheet it does not hold', { kind: 'none' }, 1, true],
    ['the same version again', { kind: 'waiting', serverVersion: 1 }, 1, false],
    ['a newer version (the first keyer edited it)', { kind: 'waiting', serverVersion: 1 }, 2, true],
    ['a sheet already keyed here', { kind: 'keyed' }, 2, false],
  ])('%s: stored %s', (_, held, version, expected) => {
    expect(takesSheetToVerify(held, version)).toBe(expected);
  });
});
