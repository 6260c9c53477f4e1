import { describeSsidDisagreements } from '../../model/secondKeying';
import type { SsidDisagreements } from '../../../shared/ssid-disagreements';

/** How many of a batch's SSIDs the keyers typed differently and where they stand, on the batch screen and its card; nothing when none differed. */
export function SsidDisagreementLine({ ssids }: { ssids: SsidDisagreements }) {
  const line = describeSsidDisagreements(ssids);
  return line === null ? null : <p class="ssid-disagreements">{line}</p>;
}
