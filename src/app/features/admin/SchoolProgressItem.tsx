import type { SchoolProgress } from '../../../shared/admin-protocol';
import { percentOf, type ProgressCounts } from '../../../shared/progress-report';
import { ProgressBar } from './ProgressBar';

/** "84 of 120 students have an SSID on record (70%); 36 missing." */
export function progressSentence(c: ProgressCounts): string {
  if (c.enrolled === 0) return 'No student enrolled.';
  const students = c.enrolled === 1 ? 'student has' : 'students have';
  return `${c.withSsid} of ${c.enrolled} ${students} an SSID on record (${percentOf(c.withSsid, c.enrolled)}%); ${c.missing} missing.`;
}

/** The counts beside the bar, in words and numbers. */
export function ProgressNumbers({ counts }: { counts: ProgressCounts }) {
  return (
    <dl class="progress-numbers">
      <div><dt>School records</dt><dd>{counts.bySource.school_records}</dd></div>
      <div><dt>Student’s paper</dt><dd>{counts.bySource.student_form}</dd></div>
      <div><dt>Student online</dt><dd>{counts.bySource.student_online}</dd></div>
      <div><dt>Confirmed by a school return</dt><dd>{counts.confirmedByReturn}</dd></div>
    </dl>
  );
}

/** One school's SSID collection: the sentence, the bar, and where the SSIDs came from. */
export function SchoolProgressItem({ school }: { school: SchoolProgress }) {
  return (
    <li class="admin-item progress-item">
      <div class="admin-item-main">
        <strong>{school.schoolName}</strong>
        <span class="muted">CDS {school.cdsCode}</span>
        <p class="progress-sentence">{progressSentence(school)}</p>
        <ProgressBar counts={school} />
        <ProgressNumbers counts={school} />
      </div>
    </li>
  );
}
