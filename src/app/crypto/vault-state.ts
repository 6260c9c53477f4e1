/**
 * The vault's lock state as a pure state machine, so the rules are tested
 * without timers or keys. The Vault class feeds it events and holds the key.
 *
 * Idle rule: the vault locks once `idleMs` has passed since the last activity.
 * Activity that arrives after that moment locks instead of extending, because a
 * sleeping tablet fires its timers late and the first touch on waking must not
 * keep a stale session open.
 */
import { z } from 'zod/mini';

export const DEFAULT_IDLE_MINUTES = 10;

/** The advisor's idle lock delay: whole minutes from 1 (locks almost at once) to 240 (a school visit). */
export const idleMinutesSchema = z.int().check(z.minimum(1), z.maximum(240));

export type LockReason = 'start' | 'manual' | 'idle';

export type VaultState =
  | { phase: 'new' }
  | { phase: 'locked'; reason: LockReason }
  | { phase: 'unlocked'; lastActivity: number };

export type VaultEvent =
  | { type: 'setUp'; at: number }
  | { type: 'unlocked'; at: number }
  | { type: 'activity'; at: number; idleMs: number }
  | { type: 'tick'; at: number; idleMs: number }
  | { type: 'lock' }
  | { type: 'reset' };

function idle(state: { lastActivity: number }, at: number, idleMs: number): boolean {
  return at - state.lastActivity >= idleMs;
}

/** The state after `event`; events that do not apply to the current phase change nothing. */
export function nextVaultState(state: VaultState, event: VaultEvent): VaultState {
  switch (event.type) {
    case 'setUp':
      return state.phase === 'new' ? { phase: 'unlocked', lastActivity: event.at } : state;
    case 'unlocked':
      return state.phase === 'locked' ? { phase: 'unlocked', lastActivity: event.at } : state;
    case 'activity':
      if (state.phase !== 'unlocked') return state;
      if (idle(state, event.at, event.idleMs)) return { phase: 'locked', reason: 'idle' };
      return { phase: 'unlocked', lastActivity: Math.max(state.lastActivity, event.at) };
    case 'tick':
      return state.phase === 'unlocked' && idle(state, event.at, event.idleMs) ? { phase: 'locked', reason: 'idle' } : state;
    case 'lock':
      return state.phase === 'unlocked' ? { phase: 'locked', reason: 'manual' } : state;
    case 'reset':
      return { phase: 'new' };
  }
}

/** When an unlocked vault will lock if nothing happens (ms), or null when it is not unlocked. */
export function idleDeadline(state: VaultState, idleMs: number): number | null {
  return state.phase === 'unlocked' ? state.lastActivity + idleMs : null;
}

/** Minutes from settings, as milliseconds; refuses values that would lock at once or never. */
export function idleMinutesToMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) {
    throw new RangeError('The idle lock must be between 1 and 240 minutes.');
  }
  return minutes * 60_000;
}
