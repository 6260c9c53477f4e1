import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useRecordSearch } from './useRecordSearch';
import { useSetAside } from '../../hooks/useSetAside';
import { formatWhen, listName } from '../../model/format';
import { maskSsid } from '../../../shared/ssid';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';
import { SetAsideList } from '../../components/SetAsideList';
import { StatusBadge } from '../../components/StatusBadge';

/** More rows than this are not drawn at once; the count says how many matched. */
const SHOWN = 200;

/** Every record on the tablet, searchable by name, CA SSID or school; opens one to edit. */
export function RecordsScreen() {
  const [query, setQuery] = useState('');
  const { loaded, total, matches, failed } = useRecordSearch(query);
  const setAside = useSetAside();
  const shown = matches.slice(0, SHOWN);
  const count = query.trim() === '' ? `${total} record${total === 1 ? '' : 's'} on this tablet` : `${matches.length} of ${total} records match`;

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Records</ScreenTitle>
      <div class="field search">
        <label for="records-search">Search by name, CA SSID or school</label>
        <input id="records-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autoComplete="off" spellcheck={false} aria-describedby="records-count" />
      </div>
      <p id="records-count" class="muted" role="status">
        {failed ? 'The records could not be read from this tablet’s storage.' : loaded ? count : 'Loading…'}
        {matches.length > SHOWN ? ` (showing the first ${SHOWN}; type more to narrow it down)` : ''}
      </p>
      {setAside.status === 'ready' && <SetAsideList rows={setAside.data} />}
      {shown.length > 0 && (
        <table class="records">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">School</th>
              <th scope="col">CA SSID</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ record, schoolName }) => (
              <tr key={record.id}>
                <th scope="row">
                  <Link href={paths.record(record.id)}>{listName(record.fields)}</Link>
                </th>
                <td>{schoolName || '—'}</td>
                <td class="mono">{record.fields.ssid.trim() ? maskSsid(record.fields.ssid.trim()) : '—'}</td>
                <td>
                  <StatusBadge status={record.status} />
                </td>
                <td>{formatWhen(record.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
