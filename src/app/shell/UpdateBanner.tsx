import { useUpdatePrompt } from './useUpdatePrompt';

/** "A new version is ready": shown only while an update waits; nothing reloads until the advisor says so. */
export function UpdateBanner() {
  const { waiting, updating, problem, update } = useUpdatePrompt();
  if (!waiting) return null;
  return (
    <div class="banner banner-info" role="status">
      <p>
        <strong>A new version is ready.</strong> Your typing is saved first.
      </p>
      {problem && <p class="banner-problem">{problem}</p>}
      <button type="button" class="button button-primary" onClick={update} disabled={updating}>
        {updating ? 'Updating…' : 'Update now'}
      </button>
    </div>
  );
}
