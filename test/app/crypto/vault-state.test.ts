import { describe, expect, it } from 'vitest';
import {
  idleDeadline,
  idleMinutesToMs,
  nextVaultState,
  type VaultEvent,
  type VaultState,
} from '../../../src/app/crypto/vault-state';

const IDLE = 10 * 60_000;
const unlockedAt = (lastActivity: number): VaultState => ({ phase: 'unlocked', lastActivity });

describe('vault lock state machine', () => {
  it.each<[string, VaultState, VaultEvent, VaultState]>([
    ['setup unlocks a new vault', { phase: 'new' }, { type: 'setUp', at: 5 }, unlockedAt(5)],
    ['setup does nothing once set up', { phase: 'locked', reason: 'start' }, { type: 'setUp', at: 5 }, { phase: 'locked', reason: 'start' }],
    ['a right passphrase unlocks a locked vault', { phase: 'locked', reason: 'idle' }, { type: 'unlocked', at: 7 }, unlockedAt(7)],
    ['unlocking a new vault is not possible', { phase: 'new' }, { type: 'unlocked', at: 7 }, { phase: 'new' }],
    ['activity before the deadline pushes it back', unlockedAt(0), { type: 'activity', at: IDLE - 1, idleMs: IDLE }, unlockedAt(IDLE - 1)],
    ['activity at or after the deadline locks instead', unlockedAt(0), { type: 'activity', at: IDLE, idleMs: IDLE }, { phase: 'locked', reason: 'idle' }],
    ['activity with an older clock reading never moves the deadline back', unlockedAt(100), { type: 'activity', at: 50, idleMs: IDLE }, unlockedAt(100)],
    ['activity while locked does not unlock', { phase: 'locked', reason: 'manual' }, { type: 'activity', at: 1, idleMs: IDLE }, { phase: 'locked', reason: 'manual' }],
    ['a tick before the deadline changes nothing', unlockedAt(0), { type: 'tick', at: IDLE - 1, idleMs: IDLE }, unlockedAt(0)],
    ['a tick at the deadline locks for idleness', unlockedAt(0), { type: 'tick', at: IDLE, idleMs: IDLE }, { phase: 'locked', reason: 'idle' }],
    ['lock locks an unlocked vault', unlockedAt(0), { type: 'lock' }, { phase: 'locked', reason: 'manual' }],
    ['lock keeps the first reason on a locked vault', { phase: 'locked', reason: 'idle' }, { type: 'lock' }, { phase: 'locked', reason: 'idle' }],
    ['lock on a new vault leaves it awaiting setup', { phase: 'new' }, { type: 'lock' }, { phase: 'new' }],
    ['reset returns to setup from anywhere', unlockedAt(3), { type: 'reset' }, { phase: 'new' }],
  ])('%s', (_name, state, event, expected) => {
    expect(nextVaultState(state, event)).toEqual(expected);
  });

  it('has a deadline only while unlocked', () => {
    expect(idleDeadline(unlockedAt(1_000), IDLE)).toBe(1_000 + IDLE);
    expect(idleDeadline({ phase: 'locked', reason: 'start' }, IDLE)).toBeNull();
    expect(idleDeadline({ phase: 'new' }, IDLE)).toBeNull();
  });

  it('accepts idle settings between 1 and 240 minutes only', () => {
    expect(idleMinutesToMs(10)).toBe(600_000);
    for (const bad of [0, -1, 241, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => idleMinutesToMs(bad)).toThrow(RangeError);
    }
  });
});
