import type { RowMatch } from '../../../../shared/matching';
import type { ReturnRow } from '../../../../shared/school-return';
import { formatUsDate } from '../../../../shared/dates';
import { maskSsid } from '../../../../shared/ssid';
import { isAcceptable } from './returnReview';
import type { CandidateStudent } from './useSchoolReturnImport';
import { CandidateChoice } from './CandidateChoice';

function fileName(row: ReturnRow): string {
  return [row.firstName, row.middleName, row.lastName].filter(Boolean).join(' ') || '(no name)';
}

/**
 * One row of the school's file: what the file says (the SSID masked), the
 * student it matched, why, every flag, and the advisor's choice: accept or not,
 * or which student for an ambiguous row.
 */
export function ReturnRowItem({ match, students, choice, onChoose }: {
  match: RowMatch<ReturnRow>;
  students: ReadonlyMap<string, CandidateStudent>;
  choice: string | null;
  onChoose: (line: number, studentId: string | null) => void;
}) {
  const { row } = match;
  const matched = match.studentId ? students.get(match.studentId) : undefined;
  const acceptable = isAcceptable(match);
  const checkId = `accept-${row.line}`;
  // The "Invalid SSID" flag already carries the SSID's errors.
  const ssidErrors = match.flags.some((f) => f.code === 'ssid_invalid') ? [] : row.ssid.errors;
  const issues = [...match.reasons, ...match.flags, ...ssidErrors, ...(row.dateProblem ? [row.dateProblem] : []), ...row.warnings];
  // A reason and a flag may say the same thing; say it once.
  const unique = [...new Map(issues.map((i) => [i.message, i])).values()];

  return (
    <li class="return-row">
      <p class="return-row-file">
        <span class="return-line">Line {row.line}</span> {fileName(row)}, born {row.dateOfBirth ? formatUsDate(row.dateOfBirth) : 'unreadable date'}, SSID{' '}
        <span class="mono">{row.ssid.raw ? maskSsid(row.ssid.raw) : 'none given'}</span>
      </p>
      {matched && (
        <p class="return-row-student">
          Matches {matched.name}, born {formatUsDate(matched.dateOfBirth)}
        </p>
      )}
      {unique.length > 0 && (
        <ul class="return-reasons">
          {unique.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
      {acceptable && match.studentId !== null && (
        <label class="check-row" for={checkId}>
          <input id={checkId} type="checkbox" checked={choice === match.studentId} onChange={(e) => onChoose(row.line, e.currentTarget.checked ? match.studentId : null)} />
          Accept line {row.line}
        </label>
      )}
      {acceptable && match.studentId === null && (
        <CandidateChoice line={row.line} candidates={match.candidates.flatMap((id) => students.get(id) ?? [])} choice={choice} onChoose={onChoose} />
      )}
    </li>
  );
}
