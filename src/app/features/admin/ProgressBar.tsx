import type { ProgressCounts } from '../../../shared/progress-report';

/** The bar's parts, left to right: the surest SSIDs first, the missing ones last. */
export const BAR_PARTS = [
  { key: 'school_records', label: 'From school records', className: 'progress-school-records' },
  { key: 'student_form', label: 'From the student’s paper', className: 'progress-student-form' },
  { key: 'student_online', label: 'From the student online', className: 'progress-student-online' },
  { key: 'missing', label: 'Missing', className: 'progress-missing' },
] as const;

const partCount = (counts: ProgressCounts, key: (typeof BAR_PARTS)[number]['key']) => (key === 'missing' ? counts.missing : counts.bySource[key]);

/**
 * One school's students as a bar, in SVG so its widths are attributes (the
 * CSP allows no inline style). Hidden from screen readers: the same numbers
 * are in the text beside it.
 */
export function ProgressBar({ counts }: { counts: ProgressCounts }) {
  let x = 0;
  return (
    <svg class="progress-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="progress-empty" x="0" y="0" width="100" height="10" />
      {counts.enrolled > 0 &&
        BAR_PARTS.map(({ key, className }) => {
          const width = (partCount(counts, key) * 100) / counts.enrolled;
          const rect = <rect key={key} class={className} x={x} y="0" width={width} height="10" />;
          x += width;
          return rect;
        })}
    </svg>
  );
}
