import { useBatches } from './useBatches';
import { paths } from '../../paths';
import { useSchools } from '../../hooks/useSchools';
import { describeSummary } from '../../model/batchSummary';
import { formatWhen } from '../../model/format';
import { Link } from '../../components/Link';
import { TypeNextSheetLink } from './TypeNextSheetLink';
import { ScreenTitle } from '../../components/ScreenTitle';
import { SecondKeyerWaitList } from './SecondKeyerWaitList';
import { SsidDisagreementLine } from './SsidDisagreementLine';

/** Home: every stack of paper on this tablet with its counts and where its sheets wait for a second keyer, and "New batch". */
export function BatchesScreen() {
  const batches = useBatches();
  const { names } = useSchools();
  return (
    <section class="screen" aria-labelledby="screen-title">
      <div class="screen-head">
        <ScreenTitle>Batches</ScreenTitle>
        <Link href={paths.newBatch()} class="button button-primary">
          New batch
        </Link>
      </div>
      {batches.status === 'loading' && <p class="muted">Loading…</p>}
      {batches.status === 'error' && <p class="notice notice-error">The batches could not be read from this tablet’s storage.</p>}
      {batches.status === 'ready' && batches.data.length === 0 && (
        <div class="empty">
          <p>No batches yet. A batch is one stack of paper applications from one school.</p>
          <p>Press “New batch” to start typing one.</p>
        </div>
      )}
      {batches.status === 'ready' && batches.data.length > 0 && (
        <ul class="cards">
          {batches.data.map(({ batch, summary, waits, ssids }) => (
            <li key={batch.id} class="card">
              <div class="card-main">
                <h2 class="card-title">
                  <Link href={paths.batch(batch.id)}>{names.get(batch.schoolId) ?? 'Unknown school'}</Link>
                </h2>
                <p class="card-meta">
                  {batch.programYear} · started {formatWhen(batch.createdAt)}
                </p>
                <p class="card-summary">{describeSummary(summary)}</p>
                <progress max={Math.max(summary.sheets, summary.entered)} value={summary.entered} aria-label={`${summary.entered} of ${summary.sheets} entered`} />
                <SecondKeyerWaitList waits={waits} />
                <SsidDisagreementLine ssids={ssids} />
              </div>
              <div class="card-actions">
                <TypeNextSheetLink batch={batch} />
                <Link href={paths.batch(batch.id)} class="button">
                  Review
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
