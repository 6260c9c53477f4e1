/** The batch's verification in counts: pure, so the verify screen's line is tested in one place. */
import type { LocalApplication } from '../../db/schema';
import { countSsidDisagreements, type SheetKeyings, type SsidDisagreements } from '../../../shared/ssid-disagreements';

/** How a batch's second keying went. */
export interface VerificationSummary {
  verified: number;
  secondLook: number;
  /** The SSIDs the two keyers typed differently: settled from the paper, or waiting for a second look. */
  ssids: SsidDisagreements;
}

/** Counts the batch's verified sheets, those in a second look (its records and `pulledLooks`, sheets pulled here), and the SSIDs that differed. */
export function summarizeVerification(records: readonly LocalApplication[], pulledLooks: readonly SheetKeyings[]): VerificationSummary {
  return {
    verified: records.filter((r) => r.verification).length,
    secondLook: records.filter((r) => r.secondLook).length + pulledLooks.length,
    ssids: countSsidDisagreements([...records, ...pulledLooks]),
  };
}
