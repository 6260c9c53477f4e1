/**
 * The sync engine: runs push then pull on app start, when the browser comes
 * online, when the advisor confirms records, on a timer (exponential backoff with
 * jitter after failures) and on "Sync now". Only one tab syncs at a time (Web
 * Locks). Its state is observable, for the status bar and the progress bar.
 */
import type { MesaDb } from '../db/schema';
import { watchQuery } from '../db/live';
import { countOutbox } from '../db/outboxCount';
import { VaultLockedError } from '../crypto/errors';
import type { Vault } from '../crypto/vault';
import { ApiError, NetworkError, type ApiClient } from './api';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { getOrCreateDeviceId, readSession } from '../db/meta';
import type { pullAll, pullSheetsToVerify } from './pull';
import { verifyQueueResponseSchema } from '../../shared/protocol';
import type { pushOutbox } from './push';
import type { reportUnsent } from './report';
import { sendRevocations } from './revocations';
import { markSessionExpired } from '../db/session';
import { describeSyncError } from './messages';

/**
 * Pull and the unsent report are fetched the first time there is a session to
 * sync: a first visit (nobody signed in) and a locked tablet start without them.
 */
async function loadTransfer(): Promise<{ pull: typeof pullAll; toVerify: typeof pullSheetsToVerify; report: typeof reportUnsent }> {
  const [pulling, reporting] = await Promise.all([import('./pull'), import('./report')]);
  return { pull: pulling.pullAll, toVerify: pulling.pullSheetsToVerify, report: reporting.reportUnsent };
}

/**
 * Push, with the outbox's row schemas and the answers' bookkeeping, is fetched
 * the first time the outbox holds a row: a first visit's sync, before anything
 * is typed, only pulls.
 */
const loadPush = (): Promise<typeof pushOutbox> => import('./push').then((m) => m.pushOutbox);

/** Waits for every one of `tasks`, then throws the first one's error, if any: nothing is left running behind a failure. */
async function allOrFirstError(tasks: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((settled) => settled.status === 'rejected');
  if (failed) throw failed.reason;
}

/** `locked`: the vault is locked, so sealed outbox rows cannot be read; sync waits for the unlock. */
export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'offline' | 'error' | 'signed-out' | 'locked';

/** How the last sync ended. `applied` counts records the server now holds (new or already there). */
export interface SyncResult {
  at: number;
  applied: number;
  rejected: number;
  conflicts: number;
  /** A sentence for the advisor when the sync did not finish. */
  error?: string;
}

/** What the status bar shows. `sent` of `total` is the progress of the running push. */
export interface SyncState {
  phase: SyncPhase;
  sent: number;
  total: number;
  /** Outbox rows waiting for the server, in any tab. */
  pending: number;
  lastResult: SyncResult | null;
}

/** The part of the Web Locks API the engine uses (navigator.locks fits it). */
export interface SyncLocks {
  request(name: string, options: { ifAvailable: true }, callback: (lock: Lock | null) => Promise<void>): Promise<void>;
}

/** What the engine needs from its surroundings; the app passes the browser's, tests their own. */
export interface SyncEngineDeps {
  db: MesaDb;
  api: ApiClient;
  /** `navigator.locks` where the platform has it; without it every tab may sync (the server dedupes). */
  locks?: SyncLocks | null;
  isOnline?: () => boolean;
  /** Where `online` / `offline` events come from (window in the app). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  random?: () => number;
  now?: () => number;
  backoff?: BackoffPolicy;
  /** Time between syncs when all is well: brings new roster entries from other tablets. */
  intervalMs?: number;
  /** Wait after a new outbox row before syncing, so a run of confirmations goes as one push. */
  settleMs?: number;
  /** The app lock: sync waits while it is locked and starts again when it is unlocked. */
  vault?: Pick<Vault, 'isUnlocked' | 'subscribe'> | null;
}

const LOCK_NAME = 'mesa-sync';

/** Runs sync for one app (one tab). Create once, `start()` it, `stop()` on teardown. */
export class SyncEngine {
  private state: SyncState = { phase: 'idle', sent: 0, total: 0, pending: 0, lastResult: null };
  private readonly listeners = new Set<(state: SyncState) => void>();
  private running: Promise<void> | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private outboxWatch: { unsubscribe: () => void } | null = null;
  private vaultWatch: (() => void) | null = null;
  private stopped = true;
  private readonly isOnline: () => boolean;
  private readonly now: () => number;

  constructor(private readonly deps: SyncEngineDeps) {
    this.isOnline = deps.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
    this.now = deps.now ?? Date.now;
  }

  /** The current state. */
  getState(): SyncState {
    return this.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens for connectivity and new outbox rows, and syncs once now. */
  start(): void {
    this.stopped = false;
    this.deps.events?.addEventListener('online', this.onOnline);
    this.deps.events?.addEventListener('offline', this.onOffline);
    this.vaultWatch =
      this.deps.vault?.subscribe((state) => {
        if (state.phase === 'unlocked') this.runSoon();
      }) ?? null;
    this.outboxWatch = watchQuery(() => countOutbox(this.deps.db), {
      next: (pending) => {
        const grew = pending > this.state.pending;
        this.setState({ pending });
        // After failures the backoff timer stands: confirming more records must not
        // turn a server outage into a retry every few seconds.
        if (grew && !this.running && this.failures === 0) this.schedule(this.deps.settleMs ?? 1_500);
      },
      error: (error: unknown) => this.setState({ phase: 'error', lastResult: this.failed(error) }),
    });
    this.runSoon();
  }

  /** Stops listening and cancels the timer; a sync already running finishes. */
  stop(): void {
    this.stopped = true;
    this.deps.events?.removeEventListener('online', this.onOnline);
    this.deps.events?.removeEventListener('offline', this.onOffline);
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = null;
    this.vaultWatch?.();
    this.vaultWatch = null;
    this.clearTimer();
  }

  /** Syncs now (the advisor asked, or just signed in): forgets earlier failures. */
  syncNow(): Promise<void> {
    this.failures = 0;
    return this.run();
  }

  /** Runs one sync, or joins the one already running in this tab. */
  run(): Promise<void> {
    this.clearTimer();
    this.running ??= this.runExclusive().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private readonly onOnline = () => {
    this.failures = 0;
    this.runSoon();
  };

  private readonly onOffline = () => {
    if (!this.running) this.setState({ phase: 'offline' });
  };

  private runSoon(): void {
    this.run().catch((error: unknown) => this.setState({ phase: 'error', lastResult: this.failed(error) }));
  }

  private async runExclusive(): Promise<void> {
    const locks = this.deps.locks;
    if (!locks) return this.syncOnce();
    await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      // Another tab is syncing the same database; look again later.
      if (lock === null) this.schedule(this.deps.intervalMs ?? 5 * 60_000);
      else await this.syncOnce();
    });
  }

  private async syncOnce(): Promise<void> {
    const { db, api } = this.deps;
    // Sign-outs made offline reach the server first, whoever is signed in now (or nobody).
    const unrevoked = this.isOnline() ? await this.sendRevocations() : 0;
    const session = await readSession(db);
    if (!session || session.expired) {
      this.setState({ phase: 'signed-out' });
      // Nothing else brings a signed-out tablet back here but the next `online` event or start.
      if (unrevoked > 0) this.schedule(this.deps.intervalMs ?? 5 * 60_000);
      return;
    }
    if (!this.isOnline()) {
      this.setState({ phase: 'offline' });
      return;
    }
    // The outbox is sealed: nothing can be read or sent until the advisor unlocks (the unlock restarts sync).
    if (this.deps.vault && !this.deps.vault.isUnlocked()) {
      this.setState({ phase: 'locked' });
      return;
    }
    let counts = { applied: 0, duplicate: 0, rejected: 0, conflicts: 0 };
    try {
      const { pull, toVerify, report } = await loadTransfer();
      const deviceId = await getOrCreateDeviceId(db);
      const waiting = await countOutbox(db);
      this.setState({ phase: 'pushing', sent: 0, total: this.state.pending });
      // Reported as the push starts too, so a push that keeps failing still leaves the count with the server;
      // the report is small and reads only plain columns, so it goes out while the first batch is read.
      const reporter = { token: session.token, userId: session.user.id };
      const pushing = async () => {
        // Nothing to send: a row confirmed after this count waits for the next sync, as one confirmed during the pull does.
        if (waiting === 0) return;
        const push = await loadPush();
        await push(db, {
          token: session.token,
          deviceId,
          send: api.push,
          onProgress: (progress) => {
            counts = progress;
            this.setState({ sent: progress.sent, total: progress.total });
          },
        });
      };
      await allOrFirstError([pushing(), report(db, api, reporter, deviceId)]);
      this.setState({ phase: 'pulling' });
      // The report after the push reads the outbox and records only, and the pull changes nothing it counts: they go together.
      await allOrFirstError([report(db, api, reporter, deviceId), pull(db, (checkpoint) => api.pull(session.token, checkpoint))]);
      await this.pullVerifyQueue(() => toVerify(db, () => api.request('GET', '/api/sync/verify-queue', verifyQueueResponseSchema, { token: session.token })));
      this.failures = 0;
      this.setState({ phase: 'idle', lastResult: this.result(counts) });
      this.schedule(this.deps.intervalMs ?? 5 * 60_000);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await markSessionExpired(db, session.token);
        this.setState({ phase: 'signed-out', lastResult: this.result(counts, error) });
        return;
      }
      // Locked mid-sync: every row not yet answered is still in the outbox; the unlock runs sync again.
      if (error instanceof VaultLockedError) {
        this.setState({ phase: 'locked', lastResult: this.result(counts) });
        return;
      }
      this.failures++;
      const offline = error instanceof NetworkError && !this.isOnline();
      this.setState({ phase: offline ? 'offline' : 'error', lastResult: this.result(counts, error) });
      const random = this.deps.random ?? Math.random;
      this.schedule(backoffDelay(this.failures, random(), this.deps.backoff ?? DEFAULT_BACKOFF));
    }
  }

  /**
   * Brings the sheets other tablets sent for a second keyer. Its failure (a server
   * not yet updated answers 404, a dropped connection) leaves the push and pull
   * done and the sync successful: the queue is asked again at the next sync. An
   * expired session and a locked vault still end the sync as they do anywhere.
   */
  private async pullVerifyQueue(fetchAndStore: () => Promise<number>): Promise<void> {
    try {
      await fetchAndStore();
    } catch (error) {
      if ((error instanceof ApiError && error.status === 401) || error instanceof VaultLockedError) throw error;
      console.warn('Sheets to verify not fetched; asked again next sync', error instanceof Error ? error.name : typeof error);
    }
  }

  /** Sends remembered sign-outs; resolves to how many still wait (a failure here never stops the sync). */
  private async sendRevocations(): Promise<number> {
    try {
      return await sendRevocations(this.deps.db, this.deps.api);
    } catch (error) {
      console.warn('Remembered sign-outs not sent', error instanceof Error ? error.name : typeof error);
      return 1;
    }
  }

  private result(counts: { applied: number; duplicate: number; rejected: number; conflicts: number }, error?: unknown): SyncResult {
    const result: SyncResult = {
      at: this.now(),
      applied: counts.applied + counts.duplicate,
      rejected: counts.rejected,
      conflicts: counts.conflicts,
    };
    if (error !== undefined) result.error = describeSyncError(error);
    return result;
  }

  private failed(error: unknown): SyncResult {
    return this.result({ applied: 0, duplicate: 0, rejected: 0, conflicts: 0 }, error);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    // A stopped engine (a closed app, a finished test) must not wake itself up again.
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runSoon();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(changes: Partial<SyncState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }
}
