/**
 * The confirm gate's second-keying half in words (shared/verification-policy.ts
 * decides; this says why to the advisor). Pure, so the entry form, the batch
 * review and the confirmation itself say the same.
 */
import type { LocalApplication, LocalSheetToVerify } from '../crypto/row-schemas';
import { maySendToVerifyElsewhere, needsSecondKeying, type SheetAtConfirm } from '../../shared/verification-policy';
import { countSecondKeyerWaits, type SecondKeyerWaits, type SheetBeforeSecondKeyer } from '../../shared/second-keyer-wait';
import type { SsidDisagreements } from '../../shared/ssid-disagreements';

/** What of a record the gate reads; null for a sheet not saved yet. */
type Gated = Pick<LocalApplication, 'verification' | 'secondLook' | 'serverVersion' | 'serverReason'> | null;
/** What of a record tells where it waits for its second keyer. */
type Waiting = NonNullable<Gated> & Pick<LocalApplication, 'status' | 'verifyElsewhere'>;

/**
 * Whether the server refused this sheet's last version for want of a second
 * keying (decide.ts rule 2b) and no second keyer has verified it since: Verify
 * lists it as it lists a sheet just typed, and the review points there.
 */
export function refusedForSecondKeying(record: Pick<LocalApplication, 'verification' | 'serverReason'>): boolean {
  return record.serverReason?.code === 'verification_required' && record.verification === undefined;
}

/** What the shared gate reads of a record. */
function atConfirm(record: Gated, batchVerifies: boolean): SheetAtConfirm {
  return {
    verifies: batchVerifies,
    verified: record?.verification !== undefined,
    knownToServer: (record?.serverVersion ?? null) !== null,
    serverAsked: record !== null && refusedForSecondKeying(record),
  };
}

/** Why this sheet may not be confirmed until a second keyer verifies it, or null when it may. */
export function secondKeyingBlock(record: Gated, batchVerifies: boolean): string | null {
  if (!needsSecondKeying(atConfirm(record, batchVerifies))) return null;
  if (record?.secondLook) return 'Needs a second look: the paper did not settle a field between the keyers.';
  return 'A second keyer verifies this sheet before it is confirmed.';
}

/** Whether this sheet may go to the server typed once, for a second keyer on another tablet. */
export function maySendElsewhere(record: NonNullable<Gated>, batchVerifies: boolean): boolean {
  return maySendToVerifyElsewhere(atConfirm(record, batchVerifies), record.secondLook !== undefined);
}

/** What shared/second-keyer-wait.ts reads of a record of a batch. */
function sheetBeforeSecondKeyer(record: Waiting, batchVerifies: boolean): SheetBeforeSecondKeyer {
  return {
    status: record.status,
    gate: atConfirm(record, batchVerifies),
    inSecondLook: record.secondLook !== undefined,
    sentElsewhere: record.verifyElsewhere !== undefined,
  };
}

/** Where one batch's sheets wait for a second keyer: its records, and the sheets pulled here for one. */
export function batchSecondKeyerWaits(records: readonly Waiting[], pulled: readonly Pick<LocalSheetToVerify, 'secondLook'>[], batchVerifies: boolean): SecondKeyerWaits {
  return countSecondKeyerWaits([
    ...records.map((record) => sheetBeforeSecondKeyer(record, batchVerifies)),
    ...pulled.map((sheet) => ({ pulled: true as const, inSecondLook: sheet.secondLook !== undefined })),
  ]);
}

/** "1 sheet waits" / "3 sheets wait": a count and its verb. */
function sheetsDo(n: number, one: string, many: string): string {
  return n === 1 ? `1 sheet ${one}` : `${n} sheets ${many}`;
}

/** The batch's sheets still waiting for a second keyer, one sentence per place they wait; none when no sheet waits. */
export function describeSecondKeyerWaits(waits: SecondKeyerWaits): string[] {
  return [
    waits.here > 0 ? `${sheetsDo(waits.here, 'waits', 'wait')} for a second keyer on this tablet.` : null,
    waits.secondLook > 0 ? `${sheetsDo(waits.secondLook, 'needs', 'need')} a second look at the paper on this tablet.` : null,
    waits.afterSync > 0 ? `${sheetsDo(waits.afterSync, 'waits', 'wait')} to be verified on another tablet after the next sync.` : null,
    waits.elsewhere > 0 ? `${sheetsDo(waits.elsewhere, 'waits', 'wait')} for a second keyer on another tablet.` : null,
  ].filter((line) => line !== null);
}

/** "it" of one, "both" of two, "all" of more: the SSIDs a clause speaks of when it speaks of every one. */
function every(n: number): string {
  return n === 1 ? 'it' : n === 2 ? 'both' : 'all';
}

/**
 * "2 SSIDs differed between keyers; both settled from the paper", or how many
 * the paper settled and how many wait for a second look; null when none differed.
 */
export function describeSsidDisagreements({ settled, waiting }: SsidDisagreements): string | null {
  const total = settled + waiting;
  if (total === 0) return null;
  const head = total === 1 ? '1 SSID differed between keyers' : `${total} SSIDs differed between keyers`;
  if (waiting === 0) return `${head}; ${total === 1 ? 'it was' : every(total)} settled from the paper.`;
  if (settled === 0) return `${head}; ${every(total)} ${total === 1 ? 'waits' : 'wait'} for a second look.`;
  return `${head}; ${settled} settled from the paper, ${waiting} ${waiting === 1 ? 'waits' : 'wait'} for a second look.`;
}

/** Whether one of the student's sheets on this tablet waits in "Needs a second look" with its SSID unsettled between the keyers. */
export function ssidWaitsForSecondLook(applications: readonly Pick<LocalApplication, 'secondLook'>[]): boolean {
  return applications.some((a) => a.secondLook?.some((line) => line.field === 'ssid') === true);
}
