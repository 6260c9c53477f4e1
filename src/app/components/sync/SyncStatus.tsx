import { Link } from '../Link';
import { describeLastResult, describePending } from '../../sync/messages';
import { SYNC_PATHS } from '../../sync/paths';
import { useNeedsAttention } from '../../sync/useNeedsAttention';
import { useSync } from '../../sync/useSync';
import './sync.css';

const formatTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The sync bar in the app header: what is waiting, a progress bar while a sync
 * runs, how the last one ended, what needs the advisor, and "Sync now".
 */
export function SyncStatus() {
  const { state, syncNow } = useSync();
  const { records } = useNeedsAttention();
  const attention = records.status === 'ready' ? records.data.length : 0;
  const running = state.phase === 'pushing' || state.phase === 'pulling';

  const onSyncNow = () => {
    syncNow().catch((error: unknown) => console.error('Sync now failed', error));
  };

  return (
    <div class="sync-status" role="region" aria-label="Sync">
      {state.phase === 'offline' && <span class="sync-offline">Offline</span>}
      <span class="sync-pending">{describePending(state.pending)}</span>
      {state.phase === 'pushing' && (
        <span class="sync-progress">
          <progress max={Math.max(state.total, 1)} value={state.sent} aria-label="Sync progress" />
          <span aria-live="polite">
            Sending {state.sent} of {state.total}
          </span>
        </span>
      )}
      {state.phase === 'pulling' && <span aria-live="polite">Updating schools and roster…</span>}
      {!running && state.lastResult && (
        <span class={state.lastResult.error ? 'sync-last sync-last-error' : 'sync-last'} aria-live="polite">
          {describeLastResult(state.lastResult, formatTime)}
        </span>
      )}
      {attention > 0 && (
        <Link href={SYNC_PATHS.attention} class="sync-attention">
          {attention} need{attention === 1 ? 's' : ''} attention
        </Link>
      )}
      {state.phase === 'signed-out' ? (
        <Link href={SYNC_PATHS.signIn} class="button">
          Sign in again
        </Link>
      ) : (
        <button type="button" class="button" onClick={onSyncNow} disabled={running}>
          Sync now
        </button>
      )}
    </div>
  );
}
