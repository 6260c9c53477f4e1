/** Words for the values the students screens show. */
import type { SsidSource } from '../../../shared/application';

/** Where an SSID came from, in words (the data says `school_records`, the advisor reads "School records"). */
export const SSID_SOURCE_LABELS: Readonly<Record<SsidSource, string>> = {
  student_form: 'Student’s paper form',
  school_records: 'School records',
  student_online: 'Student, online',
};

/** The source of an SSID in words, or a dash when unknown. */
export function ssidSourceLabel(source: SsidSource | null | undefined): string {
  return source ? SSID_SOURCE_LABELS[source] : 'Not recorded';
}

/** An SSID as lists show it: its last four digits only. */
export function maskedLast4(last4: string | null | undefined): string {
  return last4 ? `••••••${last4}` : '—';
}

/** A student's name as lists show it: "Last, First". */
export function studentName(s: { firstName: string; lastName: string }): string {
  const first = s.firstName.trim();
  const last = s.lastName.trim();
  return last && first ? `${last}, ${first}` : last || first || '(no name)';
}
