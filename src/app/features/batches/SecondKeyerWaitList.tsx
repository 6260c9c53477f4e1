import { describeSecondKeyerWaits } from '../../model/secondKeying';
import type { SecondKeyerWaits } from '../../../shared/second-keyer-wait';

/** Where a batch's sheets wait for a second keyer, one line per place, on the batch screen and its card; nothing when none waits. */
export function SecondKeyerWaitList({ waits }: { waits: SecondKeyerWaits }) {
  const lines = describeSecondKeyerWaits(waits);
  if (lines.length === 0) return null;
  return (
    <ul class="second-keyer-waits" aria-label="Not verified yet">
      {lines.map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}
