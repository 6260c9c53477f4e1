/**
 * What each bench page puts on `window` for the Node side to call through
 * page.evaluate. Declared once here so both sides agree on it.
 */
import type { School } from '../../src/shared/protocol';
import type { BenchRecord } from '../lib/fixtures';

/** Timing of one replication run, measured inside the page. */
export interface PageRunResult {
  wallMs: number;
  /** Documents the other side acknowledged. */
  written: number;
}

/** The PouchDB peer page (pouch.ts). */
export interface PouchBench {
  /** Stores `records` as PouchDB documents in a fresh local database (not timed). */
  load(records: BenchRecord[]): Promise<void>;
  /** Replicates the local database to `remoteUrl` and times it. */
  replicate(remoteUrl: string): Promise<PageRunResult>;
}

/** Timing of one run of our sync engine. */
export interface SyncRunResult {
  /** From "Sync now" until the push phase ended (every outbox row answered). */
  pushMs: number;
  /** From "Sync now" until the engine was idle again (push, then the roster pull). */
  totalMs: number;
  pushRequests: number;
  /** Time with at least one push request open (upload, server work, the answer's download), overlaps counted once. */
  pushInFlightMs: number;
  applied: number;
  rejected: number;
  conflicts: number;
  /** Outbox rows left: anything but 0 means records did not reach the server. */
  pending: number;
}

/** Our sync page (sync.ts): the app's own storage and sync modules. */
export interface SyncBench {
  /** Signs in, pulls reference data, then types and confirms `records` through the app's repository (not timed). */
  load(records: BenchRecord[], email: string, password: string): Promise<void>;
  /** Runs the app's sync engine once ("Sync now") and times it. */
  sync(): Promise<SyncRunResult>;
}

/** Percentiles of a timed operation, in ms. */
export interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

/** Our local-storage page (local.ts): the app's repository and search modules. */
export interface LocalBench {
  /** Autosave of a draft, one field changed per save, `count` times. */
  autosave(record: BenchRecord, count: number): Promise<Latency>;
  /** Confirmation (strict durability) of `records`, one at a time. */
  confirm(records: BenchRecord[]): Promise<Latency>;
  /** Stores `records` and their `schools` as the records list would find them (not timed). */
  store(records: BenchRecord[], schools: School[]): Promise<void>;
  /**
   * Opening the records list, `runs` times, each first after an unlock (nothing
   * decrypted yet): its first screenful (the records changed last, decrypted),
   * then the whole list (read every record, decrypt, build the search index),
   * then the whole list again (served from the decrypted cache).
   */
  openList(runs: number): Promise<{ firstScreen: Latency; first: Latency; again: Latency; firstScreenBeside: Latency }>;
  /** Search as you type: every prefix of every query, against the opened list. */
  searchAsYouType(queries: string[]): Promise<Latency>;
  /**
   * Stores one roster entry per record through the pull's page writes, and times
   * what keeping the roster's order adds to a page: `upkeep`, the order opened,
   * a page's students placed and the order sealed again, `runs` times over the stored roster.
   */
  storeRoster(records: BenchRecord[], runs: number): Promise<{ upkeep: Latency }>;
  /** Opening the students roster, as openList: first screenful, whole roster with its index, again. */
  openRoster(runs: number): Promise<{ firstScreen: Latency; first: Latency; again: Latency }>;
  /** Search as you type in the roster: every prefix of every query, against the opened roster. */
  searchRosterAsYouType(queries: string[]): Promise<Latency>;
  /** The work between an unlock and the first screen (services/afterUnlock.ts), `runs` times each: with every stored row read for plain ones (the first unlock after a schema change, and every unlock before the stores were noted all sealed), and as a later unlock runs it. */
  afterUnlockWork(runs: number): Promise<{ scan: Latency; later: Latency }>;
}

declare global {
  interface Window {
    pouchBench?: PouchBench;
    syncBench?: SyncBench;
    localBench?: LocalBench;
  }
}
