import { useMemo, useState } from 'preact/hooks';
import type { SchoolProgress } from '../../../shared/admin-protocol';
import { progressCsv, progressFileName, progressTotals } from '../../../shared/progress-report';
import { useBlobDownload } from '../../hooks/useBlobDownload';
import { localIsoDate } from '../../model/today';
import { AdminFrame } from './AdminFrame';
import { AdminList } from './AdminList';
import type { AdminCalls } from './adminCalls';
import { BAR_PARTS } from './ProgressBar';
import { progressSentence, ProgressNumbers, SchoolProgressItem } from './SchoolProgressItem';
import { useAdminResource, type Loaded } from './useAdmin';
import './progress.css';

/**
 * SSID collection per school for one program year (issue 13, item 2): the
 * center's total, a bar and the numbers per school, and the same numbers as
 * a CSV for the statewide office, made here from the answer on the screen.
 */
export function ProgressScreen() {
  // Undefined until the administrator picks a year: the server answers for the current program year.
  const [year, setYear] = useState<string | undefined>(undefined);
  const load = (calls: AdminCalls) => calls.progress(year);
  const { list: report, round } = useAdminResource(load, year ?? '');
  const data = report.status === 'ready' ? report.data : null;
  const csv = useMemo(() => (data ? progressCsv(data) : null), [data]);
  const download = useBlobDownload(csv, data ? progressFileName(data.centerName, data.programYear, localIsoDate()) : '');
  const schools: Loaded<SchoolProgress[]> = report.status === 'ready' ? { status: 'ready', data: report.data.schools } : report;
  const total = data && progressTotals(data.schools);
  return (
    <AdminFrame title="SSID progress" round={round}>
      {data && (
        <div class="progress-controls">
          <label class="progress-year">
            Program year
            <select value={year ?? data.programYear} onChange={(e) => setYear(e.currentTarget.value)}>
              {data.programYears.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </label>
          {download && (
            <a class="button" href={download.href} download={download.fileName}>
              Download CSV for the statewide office
            </a>
          )}
        </div>
      )}
      {total && (
        <section class="progress-total" aria-label="All schools">
          <h2>All schools, {data.programYear}</h2>
          <p class="progress-sentence">{progressSentence(total)}</p>
          <ProgressNumbers counts={total} />
          <ul class="progress-legend" aria-label="Bar colors">
            {BAR_PARTS.map((part) => (
              <li key={part.key}><span class={`progress-swatch ${part.className}`} aria-hidden="true" />{part.label}</li>
            ))}
          </ul>
        </section>
      )}
      <AdminList list={schools} label="Schools" empty={`No student is enrolled for ${data?.programYear ?? 'this year'} yet.`} notice={null}>
        {(school) => <SchoolProgressItem key={school.schoolId} school={school} />}
      </AdminList>
    </AdminFrame>
  );
}
