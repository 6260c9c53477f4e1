/** The batch's verification in words: pure, so the wording is tested in one place. */
import type { LocalApplication } from '../../db/schema';
import { disagreements } from '../../../shared/verification-record';

/** How a batch's second keying went. */
export interface VerificationSummary {
  verified: number;
  secondLook: number;
  /** Verified sheets whose SSID the two keyers typed differently (the paper settled each). */
  ssidsSettled: number;
}

/** Counts the batch's verified sheets, those in a second look, and the SSIDs the paper settled. */
export function summarizeVerification(records: readonly LocalApplication[]): VerificationSummary {
  const verified = records.filter((r) => r.verification);
  return {
    verified: verified.length,
    secondLook: records.filter((r) => r.secondLook).length,
    ssidsSettled: verified.filter((r) => r.verification && disagreements(r.verification).ssid).length,
  };
}

/** "2 SSIDs differed between keyers; both settled from the paper", or null when none differed. */
export function describeSsidsSettled(count: number): string | null {
  if (count === 0) return null;
  if (count === 1) return '1 SSID differed between keyers; it was settled from the paper.';
  return `${count} SSIDs differed between keyers; ${count === 2 ? 'both' : 'all'} settled from the paper.`;
}
