/** What the routes need from outside: built once by buildServer. */
import type { DatabaseHandle } from './db/connect';

export interface ServerDeps {
  handle: DatabaseHandle;
  /** Root of the per-center SSID hash keys. */
  serverSecret: string;
  sessionTtlDays: number;
  reEnroll: ReEnrollLimits;
}

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
