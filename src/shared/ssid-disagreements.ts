/**
 * How many of a batch's SSIDs the two keyers typed differently (issue 10),
 * and where each stands: settled from the paper (by the third keying, or by a
 * person's look at it), or still waiting in "Needs a second look". Pure, so
 * the verify screen, the batch screen and the batches list count alike.
 */
import { disagreements, type Verification } from './verification-record';

/** What a sheet on the tablet holds of its second keying: a finished verification, or the lines of a second look. */
export interface SheetKeyings {
  verification?: Verification | undefined;
  secondLook?: readonly { field: string }[] | undefined;
}

/** The SSIDs the keyers typed differently, by where each stands. */
export interface SsidDisagreements {
  /** The paper settled it: the sheet is verified. */
  settled: number;
  /** The paper settled nothing yet: the sheet waits for a second look with its SSID among the open lines. */
  waiting: number;
}

/**
 * Counts the sheets whose SSID the keyers typed differently. A verification
 * wins over a second look: a sheet is in one or the other, and a finished
 * verification is what stands.
 */
export function countSsidDisagreements(sheets: readonly SheetKeyings[]): SsidDisagreements {
  const counts: SsidDisagreements = { settled: 0, waiting: 0 };
  for (const sheet of sheets) {
    if (sheet.verification) {
      if (disagreements(sheet.verification).ssid) counts.settled++;
    } else if (sheet.secondLook?.some((line) => line.field === 'ssid')) {
      counts.waiting++;
    }
  }
  return counts;
}
