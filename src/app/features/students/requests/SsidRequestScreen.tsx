import { useState } from 'preact/hooks';
import { useRequestList } from './useRequestList';
import { useSchools } from '../../../hooks/useSchools';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { RequestListTable } from './RequestListTable';
import '../../../styles/students.css';

/**
 * One school's SSID request list: the students still without a CA SSID, with
 * what the school needs to find them. Download it as CSV or print it; both
 * work offline, from the roster on this tablet.
 */
export function SsidRequestScreen() {
  const { schools, loaded } = useSchools();
  const [schoolId, setSchoolId] = useState('');
  const schoolName = schools.find((s) => s.id === schoolId)?.name ?? '';
  const { rows, download } = useRequestList(schoolId, schoolName);
  const count = rows.status === 'ready' ? rows.data.length : 0;

  return (
    <section class="screen request-list" aria-labelledby="screen-title">
      <ScreenTitle>SSID request list</ScreenTitle>
      <p class="no-print">
        Students still without a CA SSID at one school, with their first name, last name and date of birth, for the school
        office to look up. Hand it over on paper or through the school’s secure channel: email is not a secure way to send
        student records.
      </p>
      <div class="field request-school no-print">
        <label for="request-school">School</label>
        <select id="request-school" value={schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)}>
          <option value="">{loaded ? 'Choose a school' : 'Loading schools…'}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {schoolId !== '' && (
        <>
          <h2 class="print-only">CA SSID request: {schoolName}</h2>
          <p role="status">
            {rows.status === 'error'
              ? 'The roster could not be read from this tablet’s storage.'
              : rows.status === 'loading'
                ? 'Loading…'
                : count === 0
                  ? `Every student at ${schoolName} on this tablet’s roster has a CA SSID.`
                  : `${count} student${count === 1 ? '' : 's'} at ${schoolName} without a CA SSID.`}
          </p>
          {count > 0 && (
            <div class="request-actions no-print">
              {download && (
                <a class="button button-primary" href={download.href} download={download.fileName}>
                  Download CSV
                </a>
              )}
              <button type="button" class="button" onClick={() => window.print()}>
                Print
              </button>
            </div>
          )}
          {rows.status === 'ready' && count > 0 && <RequestListTable rows={rows.data} />}
        </>
      )}
    </section>
  );
}
