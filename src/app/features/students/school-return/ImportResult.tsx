import type { RefusedRow } from '../../../../shared/match-review';
import { paths } from '../../../paths';
import { Link } from '../../../components/Link';

/** What applying did: the updates queued (they sync like any edit) and any accepted rows that were refused. */
export function ImportResult({ fileName, queued, refused, onAnother }: { fileName: string; queued: number; refused: readonly RefusedRow[]; onAnother: () => void }) {
  return (
    <div class="import-result">
      <p class="notice notice-ok" role="status">
        {queued === 0
          ? `No SSID updates were queued from ${fileName}.`
          : `${queued} SSID update${queued === 1 ? '' : 's'} from ${fileName} queued, with the source “School records”. ${queued === 1 ? 'It syncs' : 'They sync'} like any edit: sent with the next sync, and shown on each student’s Record information page.`}
      </p>
      {refused.length > 0 && (
        <div class="notice notice-warning">
          <p>These accepted rows were not applied:</p>
          <ul>
            {refused.map((r) => (
              <li key={r.line}>
                Line {r.line}: {r.reason.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="request-actions">
        <button type="button" class="button button-primary" onClick={onAnother}>
          Load another file
        </button>
        <Link href={paths.students()} class="button">
          Go to students
        </Link>
      </div>
    </div>
  );
}
