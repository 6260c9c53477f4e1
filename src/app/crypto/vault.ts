/**
 * The unlocked state of the app: the data key, held only in this object's
 * memory, and the idle lock. The key record is kept by a KeyRecordStore
 * (db/vaultKeys.ts keeps it in the meta table); it reveals nothing without the passphrase.
 */
import { VaultAlreadySetUpError, VaultChangedError, VaultLockedError, VaultNotSetUpError, WeakPassphraseError } from './errors';
import { createKeyRecord, DEFAULT_ITERATIONS, keyRecordSchema, rekey, unlockKey, type KeyRecord } from './keys';
import { passphraseProblems } from './passphrase';
import {
  DEFAULT_IDLE_MINUTES,
  idleDeadline,
  idleMinutesToMs,
  nextVaultState,
  type VaultEvent,
  type VaultState,
} from './vault-state';

/**
 * Where the vault keeps its key record and what a reset deletes. Storage lives
 * above crypto/, so the vault is handed this instead of a database.
 */
export interface KeyRecordStore {
  /** The stored key record as it was written, or undefined before setup. */
  read(): Promise<unknown>;
  /** Stores the first key record; false when one is already there (another tab set up first). */
  add(record: KeyRecord): Promise<boolean>;
  /** In one transaction: writes `next` only if `stillCurrent(stored)` holds; false when it does not. */
  replaceIf(stillCurrent: (stored: unknown) => boolean, next: KeyRecord): Promise<boolean>;
  /** Deletes the key record and every row sealed under its key. */
  deleteAll(): Promise<void>;
  /** The saved idle lock delay in minutes, or null. */
  idleMinutes(): Promise<number | null>;
}

/** What the setup screen must tell the advisor before they choose a passphrase. */
export const FORGOTTEN_PASSPHRASE_NOTICE =
  'There is no way to recover this passphrase. If you forget it, the records on this tablet that have not ' +
  'been sent to the server are lost for good; records already sent are safe on the server.';

export interface VaultOptions {
  /** Minutes without activity before the vault locks itself; default: the saved setting, else 10. */
  idleMinutes?: number;
  /** PBKDF2 work factor for new key records; tests lower it, production keeps the default. */
  iterations?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Whether two key records are the same writing: everything the key is derived and unwrapped from. */
function sameRecord(a: KeyRecord | null, b: KeyRecord): boolean {
  return a !== null && a.kdf.salt === b.kdf.salt && a.kdf.iterations === b.kdf.iterations
    && a.wrappedKey.iv === b.wrappedKey.iv && a.wrappedKey.data === b.wrappedKey.data;
}

/**
 * The app lock. The data key exists only in memory while unlocked and is
 * dropped on lock(), on idle, and when the page goes away.
 *
 * A forgotten passphrase cannot be recovered: nothing on the tablet or the server
 * can rebuild the key. Records on this tablet that were never synced (drafts,
 * confirmed and queued ones) are lost with it, and the only way forward is
 * reset(), which deletes them; records already synced are safe on the server.
 * An encrypted backup file made earlier, or a sealed copy saved on the reset
 * screen (opened later with the old passphrase), can bring unsynced records back.
 */
export class Vault {
  private current: VaultState;
  private dataKey: CryptoKey | null = null;
  private idleMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(state: VaultState) => void>();
  private readonly iterations: number;
  private readonly now: () => number;
  /** The key record as last read or written here; the unlock starts from it (see unlock). */
  private known: KeyRecord | null;

  private constructor(
    private readonly store: KeyRecordStore,
    initial: VaultState,
    known: KeyRecord | null,
    options: VaultOptions,
  ) {
    this.current = initial;
    this.known = known;
    this.idleMs = idleMinutesToMs(options.idleMinutes ?? DEFAULT_IDLE_MINUTES);
    this.iterations = options.iterations ?? DEFAULT_ITERATIONS;
    this.now = options.now ?? Date.now;
  }

  /** A locked vault if this tablet has a passphrase, otherwise a new one awaiting setup(). */
  static async open(store: KeyRecordStore, options: VaultOptions = {}): Promise<Vault> {
    const record = await store.read();
    const idleMinutes = options.idleMinutes ?? (await store.idleMinutes()) ?? undefined;
    const known = keyRecordSchema.safeParse(record);
    return new Vault(store, record !== undefined ? { phase: 'locked', reason: 'start' } : { phase: 'new' }, known.success ? known.data : null, { ...options, idleMinutes });
  }

  /** The current phase: new, locked (with why) or unlocked. */
  state(): VaultState {
    return this.current;
  }

  /** True while the data key is in memory. */
  isUnlocked(): boolean {
    return this.current.phase === 'unlocked' && this.dataKey !== null;
  }

  /** The data key; VaultLockedError when locked, so no code path can read records without it. */
  key(): CryptoKey {
    if (!this.isUnlocked() || !this.dataKey) throw new VaultLockedError();
    return this.dataKey;
  }

  /** First use on this tablet: checks the passphrase rules, stores a new key record and unlocks. */
  async setup(passphrase: string): Promise<void> {
    const problems = passphraseProblems(passphrase);
    if (problems.length > 0) throw new WeakPassphraseError(problems);
    const { key, record } = await createKeyRecord(passphrase, this.iterations);
    // add, not put: a second tab that set up first must not have its key overwritten.
    if (!(await this.store.add(record))) throw new VaultAlreadySetUpError();
    this.known = record;
    this.dataKey = key;
    this.dispatch({ type: 'setUp', at: this.now() });
  }

  /**
   * Unlocks with the passphrase, offline. A wrong one throws WrongPassphraseError
   * and changes nothing. A key record made with fewer iterations than this
   * build asks for is re-wrapped with the higher count on the way in.
   *
   * The key is derived from the record known here while the stored one is read
   * again: that read is a round trip the derivation need not wait behind (cold
   * start, issue 14). Another tab may have changed the passphrase meanwhile; then
   * the record just read is the one that counts, and the key is derived from it.
   */
  async unlock(passphrase: string): Promise<void> {
    const known = this.known;
    const early = known ? unlockKey(passphrase, known) : null;
    // Handled here so an early derivation that is not used is no unhandled rejection; awaiting it still throws.
    early?.catch(() => undefined);
    const record = await this.readRecord();
    const key = early && sameRecord(known, record) ? await early : await unlockKey(passphrase, record);
    if (record.kdf.iterations < this.iterations) {
      // If another tab re-wrapped it meanwhile, its record stands and this upgrade is moot.
      await this.replaceRecord(record, await rekey(passphrase, passphrase, record, this.iterations));
    }
    this.dataKey = key;
    // Another tab may have run setup() since this vault was opened.
    if (this.current.phase === 'new') this.current = { phase: 'locked', reason: 'start' };
    this.dispatch({ type: 'unlocked', at: this.now() });
  }

  /** Drops the key from memory. */
  lock(): void {
    this.dispatch({ type: 'lock' });
  }

  /** Changes the passphrase: re-encrypts the data key only, so records and other tabs are unaffected. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    const problems = passphraseProblems(newPassphrase);
    if (problems.length > 0) throw new WeakPassphraseError(problems);
    const record = await this.readRecord();
    const replaced = await this.replaceRecord(record, await rekey(oldPassphrase, newPassphrase, record, this.iterations));
    if (!replaced) throw new VaultChangedError();
  }

  /**
   * After a forgotten passphrase: deletes every local application, outbox and
   * roster row (unreadable without the key) and the key record, so setup() can start again.
   * Synced records come back from the server; unsynced ones are gone.
   */
  async reset(): Promise<void> {
    await this.store.deleteAll();
    this.known = null;
    this.dispatch({ type: 'reset' });
  }

  /**
   * A touch or key press, here or (with its time `at`) in another tab: pushes the
   * idle lock back, or locks if it is already overdue.
   */
  noteActivity(at: number = this.now()): void {
    this.dispatch({ type: 'activity', at: Math.min(at, this.now()), idleMs: this.idleMs });
  }

  /** Re-checks the idle deadline now, e.g. when the page becomes visible after the tablet slept. */
  checkIdle(): void {
    this.dispatch({ type: 'tick', at: this.now(), idleMs: this.idleMs });
  }

  /** The idle lock delay in minutes. */
  idleMinutes(): number {
    return this.idleMs / 60_000;
  }

  /** Changes the idle lock delay; applies to the running session at once. */
  setIdleMinutes(minutes: number): void {
    this.idleMs = idleMinutesToMs(minutes);
    this.checkIdle();
    this.schedule();
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async readRecord(): Promise<KeyRecord> {
    const stored = await this.store.read();
    if (stored === undefined) throw new VaultNotSetUpError();
    this.known = keyRecordSchema.parse(stored);
    return this.known;
  }

  /**
   * Writes `next` only if the stored record is still `previous` (the key was
   * re-wrapped outside the transaction, since WebCrypto calls would end it), so
   * two tabs changing it at once cannot both win. False when it had changed.
   */
  private async replaceRecord(previous: KeyRecord, next: KeyRecord): Promise<boolean> {
    const replaced = await this.store.replaceIf((value) => {
      const stored = keyRecordSchema.safeParse(value);
      return stored.success && sameRecord(stored.data, previous);
    }, next);
    if (replaced) this.known = next;
    return replaced;
  }

  private dispatch(event: VaultEvent): void {
    const before = this.current;
    this.current = nextVaultState(before, event);
    if (this.current.phase !== 'unlocked') this.dataKey = null;
    // Activity only moves the deadline later: the timer set for the earlier one finds it moved
    // when it fires (checkIdle) and sets itself again, so a key press sets no timer (issue 14).
    const stillArmed = event.type === 'activity' && this.current.phase === 'unlocked' && this.timer !== null;
    if (!stillArmed) this.schedule();
    // Listeners hear phase changes, not every keystroke's new activity time.
    if (this.current.phase !== before.phase) for (const listener of this.listeners) listener(this.current);
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const deadline = idleDeadline(this.current, this.idleMs);
    if (deadline === null) return;
    this.timer = setTimeout(() => this.checkIdle(), Math.max(0, deadline - this.now()));
  }
}
