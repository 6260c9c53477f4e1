import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useRecordSearch, type RecordSearch } from './useRecordSearch';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';
import { useSetAside } from '../../hooks/useSetAside';
import { formatWhen, listName } from '../../model/format';
import { maskSsid } from '../../../shared/ssid';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';
import { SetAsideList } from '../../components/SetAsideList';
import { StatusBadge } from '../../components/StatusBadge';

/** More rows than this are not drawn at once; the count says how many matched. */
const SHOWN = 200;

/** The count line: how many records there are or match, and while the rest is still being read, what the search does not cover yet. */
function countLine({ total, indexing, matches }: RecordSearch, query: string): string {
  if (total === null) return 'Loading…';
  const searching = query.trim() !== '';
  if (indexing) {
    const { searched } = indexing;
    const left = `Still indexing the other ${total - searched} records: until then search looks only at the ${searched} changed last.`;
    return searching ? `${matches.length} of the ${searched} records changed last match. ${left}` : `Showing the ${searched} records changed last of ${total}. ${left}`;
  }
  return searching ? `${matches.length} of ${total} records match` : `${total} record${total === 1 ? '' : 's'} on this tablet`;
}

/** Every record on the tablet, searchable by name, CA SSID or school; opens one to edit. */
export function RecordsScreen() {
  const [query, setQuery] = useState('');
  const search = useRecordSearch(query);
  const { matches, failed } = search;
  // The rows needing a fix are read after the first screenful is drawn, not in its way.
  const setAside = useSetAside(useAfterFirstPaint());
  const shown = matches.slice(0, SHOWN);

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Records</ScreenTitle>
      <div class="field search">
        <label for="records-search">Search by name, CA SSID or school</label>
        <input id="records-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autoComplete="off" spellcheck={false} aria-describedby="records-count" />
      </div>
      <p id="records-count" class="muted" role="status">
        {failed ? 'The records could not be read from this tablet’s storage.' : countLine(search, query)}
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
