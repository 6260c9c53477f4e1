import { formatUsDate } from '../../../../shared/dates';
import type { CandidateStudent } from './useSchoolReturnImport';
import { useSchools } from '../../../hooks/useSchools';

/** For an ambiguous row: which of the students it could be gets the SSID, or none of them. */
export function CandidateChoice({ line, candidates, choice, onChoose }: {
  line: number;
  candidates: readonly CandidateStudent[];
  choice: string | null;
  onChoose: (line: number, studentId: string | null) => void;
}) {
  const { names } = useSchools();
  const group = `choice-${line}`;
  return (
    <fieldset class="candidate-choice">
      <legend>Line {line}: which student is it?</legend>
      {candidates.map((c) => (
        <label key={c.studentId} class="check-row" for={`${group}-${c.studentId}`}>
          <input id={`${group}-${c.studentId}`} type="radio" name={group} checked={choice === c.studentId} onChange={() => onChoose(line, c.studentId)} />
          {c.name}, born {formatUsDate(c.dateOfBirth)}
          {names.get(c.schoolId) ? `, ${names.get(c.schoolId)}` : ''}
        </label>
      ))}
      <label class="check-row" for={`${group}-none`}>
        <input id={`${group}-none`} type="radio" name={group} checked={choice === null} onChange={() => onChoose(line, null)} />
        None of these
      </label>
    </fieldset>
  );
}
