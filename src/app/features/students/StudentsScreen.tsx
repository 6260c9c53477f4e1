import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import { maskedLast4, studentName } from './labels';
import { useRosterSearch } from './useRosterSearch';
import { Link } from '../../components/Link';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StudentsTools } from './StudentsTools';
import '../../styles/students.css';

/** More rows than this are not drawn at once; the count says how many matched. */
const SHOWN = 200;

/** The center's students as this tablet's roster has them, searchable offline; SSIDs show their last four digits only. */
export function StudentsScreen() {
  const [query, setQuery] = useState('');
  const { loaded, failed, total, matches } = useRosterSearch(query);
  const shown = matches.slice(0, SHOWN);
  const count = query.trim() === '' ? `${total} student${total === 1 ? '' : 's'} on the roster` : `${matches.length} of ${total} students match`;

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Students</ScreenTitle>
      <StudentsTools />
      <div class="field search">
        <label for="students-search">Search by name, school, grade or CA SSID</label>
        <input
          id="students-search"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          autoComplete="off"
          spellcheck={false}
          aria-describedby="students-count students-hint"
        />
        <p id="students-hint" class="muted">
          For example “Garcia”, “grade 7”, a school’s name, the last 4 digits of a CA SSID, or the whole number.
        </p>
      </div>
      <p id="students-count" class="muted" role="status">
        {failed ? 'The roster could not be read from this tablet’s storage.' : loaded ? count : 'Loading…'}
        {matches.length > SHOWN ? ` (showing the first ${SHOWN}; type more to narrow it down)` : ''}
      </p>
      {loaded && total === 0 && <p class="empty">No students yet: the roster arrives with the first sync after signing in.</p>}
      {shown.length > 0 && (
        <table class="records students">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">School</th>
              <th scope="col">Grade</th>
              <th scope="col">CA SSID</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ entry, schoolName }) => (
              <tr key={entry.studentId}>
                <th scope="row">
                  <Link href={paths.student(entry.studentId)}>{studentName(entry)}</Link>
                </th>
                <td>{schoolName || '—'}</td>
                <td>{entry.grade || '—'}</td>
                <td class="mono">
                  {entry.ssidLast4 ? maskedLast4(entry.ssidLast4) : entry.pendingSsidLast4 ? `${maskedLast4(entry.pendingSsidLast4)} (queued)` : 'None yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
