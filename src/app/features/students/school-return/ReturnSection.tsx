import { useState } from 'preact/hooks';
import type { RowMatch } from '../../../../shared/matching';
import type { ReturnRow } from '../../../../shared/school-return';
import type { SECTIONS } from './returnReview';
import type { CandidateStudent } from './useSchoolReturnImport';
import { ReturnRowItem } from './ReturnRowItem';

/** Rows drawn at first per section; a district's file can hold thousands. */
const PAGE = 100;

/** One section of the review (exact, probable, invalid...), its rows drawn a page at a time. */
export function ReturnSection({ section, rows, students, accepted, onChoose }: {
  section: (typeof SECTIONS)[number];
  rows: readonly RowMatch<ReturnRow>[];
  students: ReadonlyMap<string, CandidateStudent>;
  accepted: ReadonlyMap<number, string>;
  onChoose: (line: number, studentId: string | null) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const id = `section-${section.key}`;
  return (
    <section class={`return-section return-${section.key}`} aria-labelledby={id}>
      <h2 id={id}>
        {section.title} ({rows.length})
      </h2>
      {section.hint && <p class="muted">{section.hint}</p>}
      <ul class="return-rows">
        {rows.slice(0, shown).map((match) => (
          <ReturnRowItem key={match.row.line} match={match} students={students} choice={accepted.get(match.row.line) ?? null} onChoose={onChoose} />
        ))}
      </ul>
      {rows.length > shown && (
        <button type="button" class="button" onClick={() => setShown((s) => s + PAGE * 5)}>
          Show more ({rows.length - shown} not shown)
        </button>
      )}
    </section>
  );
}
