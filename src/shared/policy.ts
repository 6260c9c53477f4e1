/**
 * SSID collection policy by program year (design section 3, the program office's memo):
 * a soft requirement before 2015-07-01, required from then on.
 * The server holds the policy as data; this is the rule that reads it.
 */
export interface SsidPolicy {
  /** First day (YYYY-MM-DD) from which an enrollment cannot be approved without an SSID. */
  requiredFrom: string;
}

export const DEFAULT_SSID_POLICY: SsidPolicy = { requiredFrom: '2015-07-01' };

/** First day of a program year written "2025-26". */
export function programYearStart(programYear: string): string {
  return `${programYear.slice(0, 4)}-07-01`;
}

/** The program year a date falls in: July to June. */
export function programYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Whether approving this program year's enrollment needs an SSID. */
export function ssidRequiredFor(programYear: string, policy: SsidPolicy = DEFAULT_SSID_POLICY): boolean {
  return programYearStart(programYear) >= policy.requiredFrom;
}
