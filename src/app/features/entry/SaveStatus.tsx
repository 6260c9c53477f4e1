import type { SaveState } from '../../services/draftSaver';

/** "Saving…", "Saved", or why a save failed with a way to retry; announced politely. */
export function SaveStatus({ state, hasRecord, onRetry }: { state: SaveState; hasRecord: boolean; onRetry: () => void }) {
  if (state.kind === 'error') {
    return (
      <div class="save-status save-error" role="alert">
        <p>{state.message}</p>
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  const text =
    state.kind === 'pending' || state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' || hasRecord ? 'Saved on this tablet' : 'Nothing typed yet';
  return (
    <p class={`save-status save-${state.kind}`} role="status">
      {text}
    </p>
  );
}
