/**
 * Verification on another tablet (issue 10): what each tablet does with what
 * the server sends it. The first keyer's tablet sends a sheet typed once and
 * marked for a second keyer; another advisor's tablet pulls it, verifies it
 * blind, and sends the verified version; the first tablet takes that version
 * at its next pull. Pure, so both tablets' choices read in one place.
 */
import type { Status } from './lifecycle';

/** What the first keyer's tablet holds of one of its sheets when a pull brings a version verified elsewhere. */
export interface HeldSheet {
  status: Status;
  /** The server version the tablet last saw; null for a sheet the server never acknowledged. */
  serverVersion: number | null;
  /** A version of it waits in the outbox. */
  queued: boolean;
}

/**
 * Whether the verified version replaces the tablet's copy:
 * 1. only a copy the server acknowledged and the tablet has not changed since
 *    (synced, nothing queued): an edit made meanwhile goes out instead and
 *    meets the verified version as a stale_version conflict, which the advisor
 *    resolves, so neither is lost;
 * 2. only with a newer version than the one the tablet saw (a pull seen twice changes nothing).
 */
export function takesVerifiedVersion(held: HeldSheet, verifiedVersion: number): boolean {
  if (held.status !== 'synced' || held.queued || held.serverVersion === null) return false;
  return verifiedVersion > held.serverVersion;
}

/** What the second keyer's tablet holds of a sheet the verify queue lists. */
export type HeldToVerify =
  /** Nothing yet. */
  | { kind: 'none' }
  /** Waiting to be keyed here (its "Needs a second look" included), pulled at this server version. */
  | { kind: 'waiting'; serverVersion: number }
  /** Keyed here already: a record of this tablet's own, verified, confirmed or not. */
  | { kind: 'keyed' };

/**
 * Whether the pulled sheet is stored to be verified: when the tablet holds
 * nothing of it, or an older version it has not keyed yet (the first keyer
 * edited it since). A sheet keyed here is never replaced: its verification
 * goes out, and the server answers it (a conflict if the first keyer edited it).
 */
export function takesSheetToVerify(held: HeldToVerify, pulledVersion: number): boolean {
  if (held.kind === 'none') return true;
  if (held.kind === 'keyed') return false;
  return pulledVersion > held.serverVersion;
}
