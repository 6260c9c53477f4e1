import { todayIso } from '../../../shared/dates';
import { elsewhereSentences } from '../../../shared/unsent-reports';
import { Link } from '../../components/Link';
import { paths } from '../../paths';
import { useUnsentElsewhere } from './useUnsentElsewhere';

/**
 * Shown above every screen after a sign-in on an empty tablet, for each of the
 * advisor's other tablets that last reported records the server never got. It
 * stays until a backup of that tablet is imported here or the advisor hides it:
 * losing records must never pass as a notice that fades.
 */
export function UnsentElsewhereBanner() {
  const { warnings, hide } = useUnsentElsewhere();
  if (warnings.length === 0) return null;
  const today = todayIso();
  return (
    <div class="unsent-elsewhere">
      {warnings.map((w) => {
        const { warning, advice } = elsewhereSentences(w.name, w.unsent, todayIso(new Date(w.reportedAt)), today);
        return (
          <section key={w.deviceId} class="notice notice-warning" role="status" aria-label="Records that have not arrived">
            <p>
              <strong>{warning}</strong>
            </p>
            <p>{advice}</p>
            <p class="unsent-elsewhere-actions">
              <Link href={paths.backup()} class="button button-primary">
                Look for a backup file
              </Link>
              <button type="button" class="button" onClick={() => void hide(w.deviceId).catch((error: unknown) => console.error('Could not hide the warning', error))}>
                Hide this warning
              </button>
            </p>
          </section>
        );
      })}
    </div>
  );
}
