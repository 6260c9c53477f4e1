/**
 * The confirm gate's second-keying half in words (shared/verification-policy.ts
 * decides; this says why to the advisor). Pure, so the entry form, the batch
 * review and the confirmation itself say the same.
 */
import type { LocalApplication } from '../crypto/row-schemas';
import { needsSecondKeying } from '../../shared/verification-policy';

/** What of a record the gate reads; null for a sheet not saved yet. */
type Gated = Pick<LocalApplication, 'verification' | 'secondLook' | 'serverVersion' | 'serverReason'> | null;

/** Why this sheet may not be confirmed until a second keyer verifies it, or null when it may. */
export function secondKeyingBlock(record: Gated, batchVerifies: boolean): string | null {
  const needed = needsSecondKeying({
    verifies: batchVerifies,
    verified: record?.verification !== undefined,
    knownToServer: (record?.serverVersion ?? null) !== null,
    serverAsked: record?.serverReason?.code === 'verification_required',
  });
  if (!needed) return null;
  if (record?.secondLook) return 'Needs a second look: the paper did not settle a field between the keyers.';
  return 'A second keyer verifies this sheet before it is confirmed.';
}
