import { Link } from '../../components/Link';
import { describeLastResult, describePending } from '../../sync/messages';
import { useRefusedRecords } from './useRefusedRecords';
import { useSetAside } from '../../hooks/useSetAside';
import { paths } from '../../paths';
import { useSync } from './useSync';
import './sync.css';

/**
 * Made once: toLocaleTimeString builds a new formatter on every call, and the
 * bar redraws whenever a stored count moves, which every autosave of the entry
 * form can do (keystroke latency, issue 14).
 */
const TIME = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const formatTime = (at: number) => TIME.format(at);

/**
 * The sync bar in the app header: what is waiting and what needs the advisor
 * (refused or conflicting records, rows that need fixing) on one line, a
 * progress bar or how the last sync ended on a smaller second, and "Sync now".
 */
export function SyncStatus() {
  const { state, syncNow } = useSync();
  const records = useRefusedRecords();
  const setAsideRows = useSetAside();
  const attention = records.status === 'ready' ? records.data.length : 0;
  const setAside = setAsideRows.status === 'ready' ? setAsideRows.data.length : 0;
  const headline = describePending({ pending: state.pending, attention, setAside });
  const running = state.phase === 'pushing' || state.phase === 'pulling';

  const onSyncNow = () => {
    syncNow().catch((error: unknown) => console.error('Sync now failed', error));
  };

  return (
    <div class="sync-status" role="region" aria-label="Sync">
      <div class="sync-lines">
        <p class="sync-line">
          {state.phase === 'offline' && <span class="sync-offline">Offline</span>}
          {headline && <span class="sync-pending">{headline}</span>}
          {attention > 0 && (
            <Link href={paths.attention()} class="sync-attention">
              {attention} need{attention === 1 ? 's' : ''} attention
            </Link>
          )}
          {setAside > 0 && (
            <Link href={paths.records()} class="sync-attention">
              {setAside} need{setAside === 1 ? 's' : ''} fixing
            </Link>
          )}
        </p>
        {state.phase === 'pushing' && (
          <p class="sync-line sync-detail">
            <progress max={Math.max(state.total, 1)} value={state.sent} aria-label="Sync progress" />
            <span aria-live="polite">
              Sending {state.sent} of {state.total}
            </span>
          </p>
        )}
        {state.phase === 'pulling' && (
          <p class="sync-line sync-detail" aria-live="polite">
            Updating schools and roster…
          </p>
        )}
        {!running && state.lastResult && (
          <p class={state.lastResult.error ? 'sync-line sync-detail sync-last-error' : 'sync-line sync-detail'} aria-live="polite">
            {describeLastResult(state.lastResult, formatTime)}
          </p>
        )}
      </div>
      {state.phase === 'signed-out' ? (
        <Link href={paths.signIn()} class="button">
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
