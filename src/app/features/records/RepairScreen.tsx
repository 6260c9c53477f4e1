import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import type { SetAsideTable } from '../../db/setAside';
import { useRepair } from './useRepair';
import { readableLines, setAsideKind } from '../../model/setAsideView';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';

/**
 * The repair view of one row set aside as unreadable: what the tablet could
 * read of it, and either "Correct it in the form" (applications) or "Remove it",
 * which asks a second time because it cannot be undone.
 */
export function RepairScreen({ table, rowKey }: { table: SetAsideTable; rowKey: string }) {
  const { row, correct, remove, busy, message } = useRepair(table, rowKey);
  const [removing, setRemoving] = useState(false);

  if (row.status === 'loading') return <p class="muted">Loading…</p>;
  if (row.status === 'error' || row.data === null) {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <ScreenTitle>Nothing to repair</ScreenTitle>
        <p>{row.status === 'error' ? 'The tablet’s storage could not be read.' : 'This record reads well now, or it is no longer on this tablet.'}</p>
        <Link href={paths.records()} class="button">
          Back to records
        </Link>
      </section>
    );
  }

  const found = row.data;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>This record needs fixing</ScreenTitle>
      <p>
        {setAsideKind(found.table)} could not be read as it is stored. {found.reason}
      </p>
      <p class="muted">
        {found.table === 'applications'
          ? 'Below is what the tablet could read. Correct it in the form: values that do not fit start blank, so type them again from the paper.'
          : 'Below is what the tablet could read. It is kept in backups as it is; remove it once you have what you need.'}
      </p>
      <dl class="repair-read">
        {readableLines(found.readable).map(({ label, value }, i) => (
          <div key={`${label}-${i}`} class="repair-line">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="button-row">
        {found.table === 'applications' && (
          <button type="button" class="button button-primary" disabled={busy} onClick={() => void correct()}>
            Correct it in the form
          </button>
        )}
        {removing ? (
          <button type="button" class="button button-danger" disabled={busy} onClick={() => void remove()}>
            Remove it for good
          </button>
        ) : (
          <button type="button" class="button" disabled={busy} onClick={() => setRemoving(true)}>
            Remove it from this tablet
          </button>
        )}
        <Link href={paths.records()} class="button">
          Back to records
        </Link>
      </div>
      <p role="status" class={message ? 'notice notice-error' : undefined}>
        {message ?? (removing ? 'Removing cannot be undone. Press “Remove it for good” to go on.' : '')}
      </p>
    </section>
  );
}
