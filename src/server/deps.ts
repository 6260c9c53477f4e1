/** What the routes need from outside: built once by buildServer. */
import type { DatabaseHandle } from './db/connect';

export interface ServerDeps {
  handle: DatabaseHandle;
  /** Root of the per-center SSID hash keys. */
  serverSecret: string;
  sessionTtlDays: number;
  reEnroll: ReEnrollLimits;
  signIn: SignInLimits;
  setup: SetupLimits;
}

/**
 * Sign-in attempts per window. Per address: generous (a school shares one
 * address). A device that has signed in to the account before has a bucket of
 * its own, so strangers failing on purpose cannot lock the owner out of their
 * own tablet. Any other device: tight per account and address, so guessing from
 * one place is slow, under a higher ceiling per account from anywhere.
 */
export interface SignInLimits {
  windowMs: number;
  maxPerIp: number;
  maxPerKnownDevice: number;
  maxPerAccountAndIp: number;
  maxPerAccount: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { windowMs: 15 * 60 * 1000, maxPerIp: 60, maxPerKnownDevice: 10, maxPerAccountAndIp: 10, maxPerAccount: 100 };

/** The first set-up's limits (public while the server has no user). */
export interface SetupLimits {
  windowMs: number;
  /** Guesses at the setup code per IP per window: the code has about 59 bits, this keeps it out of reach. */
  maxPerIp: number;
}

export const DEFAULT_SETUP_LIMITS: SetupLimits = { windowMs: 15 * 60 * 1000, maxPerIp: 10 };

/** The re-enrollment page's limits (public, so guarded against guessing). */
export interface ReEnrollLimits {
  windowMs: number;
  /** Attempts per IP per window: a school lab shares one address. */
  maxPerIp: number;
  /** Attempts per SSID per window, from any address. */
  maxPerSsid: number;
  /** Every answer after the body is read takes at least this long. */
  floorMs: number;
}

export const DEFAULT_RE_ENROLL_LIMITS: ReEnrollLimits = { windowMs: 15 * 60 * 1000, maxPerIp: 100, maxPerSsid: 5, floorMs: 300 };
