/**
 * The verify screen's data and actions: the batch's typed sheets not yet
 * verified, whom the second keyer may pick (the center's advisors but the
 * first keyer), saving each sheet's outcome (shared/verify-sheet.ts) onto its
 * record, and a look at the paper that settles a sheet in "Needs a second
 * look". The first entry is read here and held against the keyings here: the
 * screen never receives it, only the sorted values of a second look.
 * A batch typed on another tablet is keyed the same way, from its pulled
 * sheets (db/sheetsToVerify.ts), each against the person who typed it; one of
 * those the paper does not settle waits here in a second look, and a look at
 * the paper settles it as it does one of this tablet's own records.
 */
import { useCallback, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { batchVerifiedFields, getBatch } from '../../db/batches';
import { listBatchApplications, saveDraft } from '../../db/applications';
import type { HeldKeyings, LocalApplication, LocalBatch } from '../../db/schema';
import { describeSaveError } from '../../db/storageErrors';
import { readAdvisors, readSession } from '../../db/meta';
import type { CenterAdvisor } from '../../../shared/protocol';
import type { VerifiedField } from '../../../shared/verification-record';
import { verifiedValuesOf, verifySheet, type Keyers, type SecondLookLine, type SheetOutcome, type VerifiedValues } from '../../../shared/verify-sheet';
import type { PaperLook } from '../../../shared/verification';
import { refusedForSecondKeying } from '../../model/secondKeying';
import { keepSecondLook, listSheetsToVerify, takeVerifiedSheet } from '../../db/sheetsToVerify';
import { summarizeVerification, type VerificationSummary } from './summary';

/** What the verify screen shows, never a first entry's value. */
export interface VerifyView {
  batch: LocalBatch;
  /** The fields the second keyer types for each sheet: the required four and what the center added when the batch started. */
  fields: VerifiedField[];
  /** The signed-in account: who typed a batch typed here, and who is signed in while any batch is verified. */
  signedIn: string;
  /** Whom the second keyer may pick: the center's advisors but the first keyer. */
  keyers: CenterAdvisor[];
  /** The next sheet to key (its place in the stack; `pulled`: typed on another tablet), or null when none is left. */
  next: { id: string; sheet: number; pulled: boolean } | null;
  sheetsLeft: number;
  summary: VerificationSummary;
  /** Sheets in "Needs a second look" that a look at the paper can settle. */
  secondLook: { id: string; sheet: number; lines: SecondLookLine[] }[];
}

/** A person's readings of the paper for one sheet's lines in a second look. */
export type PaperLooks = Partial<Record<VerifiedField, PaperLook>>;

/** A sheet in a second look that holds its keyings back; one from before holds none and is keyed again. */
const lookable = (sheet: Pick<LocalApplication, 'secondLook' | 'heldKeyings'>): boolean => sheet.secondLook !== undefined && sheet.heldKeyings !== undefined;

/** The verify screen's view (live) and its keying action. */
export function useVerifyBatch(batchId: string): {
  view: LiveResult<VerifyView | null>;
  /** Keys the next sheet: the second keying, then (when asked) the paper's. Answers the fields to ask of the paper, or none. */
  key: (verifierId: string, second: VerifiedValues, third: Partial<VerifiedValues>) => Promise<VerifiedField[]>;
  /** A look at the paper for a sheet in a second look, by `readerId`. Answers the lines still open (a reading to type again), or none once settled. */
  look: (recordId: string, readerId: string, looks: PaperLooks) => Promise<SecondLookLine[]>;
  error: string | null;
} {
  const { store } = useServices();
  const [error, setError] = useState<string | null>(null);
  const view = useLiveQuery(async () => {
    const batch = await getBatch(store.db, batchId);
    if (!batch) return null;
    const { records } = await listBatchApplications(store.db, batchId);
    const pulled = await listSheetsToVerify(store.db, batchId);
    const session = await readSession(store.db);
    const signedIn = session?.user.id ?? '';
    // Nobody may verify a sheet they typed: here the signed-in account typed the batch; elsewhere, each sheet names its keyer.
    const firstKeyers = new Set(batch.typedElsewhere ? pulled.map((s) => s.enteredBy.id) : [signedIn]);
    const keyers = (await readAdvisors(store.db)).filter((a) => !firstKeyers.has(a.id));
    const sheets = records.map((record, i) => ({ record, sheet: i + 1 }));
    // A sheet the server refused for want of a second keying is listed as it came back, before any edit.
    const left = [
      ...sheets.filter(({ record }) => (record.status === 'ready' || refusedForSecondKeying(record)) && !record.verification && !lookable(record))
        .map(({ record, sheet }) => ({ id: record.id, sheet, pulled: false })),
      ...pulled.filter((s) => !lookable(s)).map((s) => ({ id: s.recordId, sheet: s.sheet, pulled: true })),
    ];
    const pulledLooks = pulled.filter(lookable);
    return {
      batch, fields: batchVerifiedFields(batch), signedIn, keyers,
      next: left[0] ?? null,
      sheetsLeft: left.length,
      summary: summarizeVerification(records, pulledLooks),
      secondLook: [
        ...sheets.flatMap(({ record, sheet }) => (record.secondLook && lookable(record) ? [{ id: record.id, sheet, lines: record.secondLook }] : [])),
        ...pulledLooks.flatMap((s) => (s.secondLook ? [{ id: s.recordId, sheet: s.sheet, lines: s.secondLook }] : [])),
      ],
    };
  }, [store, batchId]);

  const data = view.status === 'ready' ? view.data : null;
  /** Writes a sheet's outcome onto its record: the values that stand and the verification, or the second look with the keyings it holds. */
  const save = useCallback(async (record: LocalApplication, outcome: SheetOutcome, held: LocalApplication['heldKeyings']) => {
    try {
      const base = { id: record.id, studentId: record.studentId, batchId: record.batchId, createdAt: record.createdAt, ssidRekey: record.ssidRekey, fields: record.fields };
      if (outcome.state === 'second_look') await saveDraft(store.db, { ...base, secondLook: outcome.lines, ...(held ? { heldKeyings: held } : {}) });
      // The values that stand replace the first entry's; the SSID's blind re-key is the settled number too.
      else if (outcome.state === 'verified') await saveDraft(store.db, { ...base, fields: { ...record.fields, ...outcome.values }, ssidRekey: outcome.values.ssid, verification: outcome.verification });
    } catch (failure) {
      setError(describeSaveError(failure));
    }
  }, [store]);

  // A sheet typed on another tablet: held against its pulled first entry, and made a record of this tablet once verified.
  const keyPulled = useCallback(async (
    id: string, who: Omit<Keyers, 'enteredBy'>, fields: VerifiedField[], second: VerifiedValues, third: Partial<VerifiedValues>,
  ): Promise<VerifiedField[]> => {
    const sheet = (await listSheetsToVerify(store.db, batchId)).find((s) => s.recordId === id);
    if (!sheet) return [];
    const keyers = { enteredBy: sheet.enteredBy.id, ...who };
    const at = new Date().toISOString();
    const outcome = verifySheet(verifiedValuesOf(sheet.application, fields), second, third, keyers, at, {}, fields);
    if (outcome.state === 'needs_third') return outcome.fields;
    try {
      if (outcome.state === 'second_look') await keepSecondLook(store.db, sheet, outcome.lines, { second, third, keyers, at });
      else await takeVerifiedSheet(store.db, sheet, outcome.verification, outcome.values);
    } catch (failure) {
      setError(describeSaveError(failure));
    }
    return [];
  }, [store, batchId]);
  const key = useCallback(async (verifierId: string, second: VerifiedValues, third: Partial<VerifiedValues>): Promise<VerifiedField[]> => {
    setError(null);
    const next = data?.next;
    if (!next) return [];
    const { fields } = data;
    if (next.pulled) return keyPulled(next.id, { verifiedBy: verifierId, signedInAs: data.signedIn }, fields, second, third);
    const { records } = await listBatchApplications(store.db, batchId);
    const record = records.find((r) => r.id === next.id);
    if (!record) return [];
    const keyers = { enteredBy: data.signedIn, verifiedBy: verifierId, signedInAs: data.signedIn };
    const at = new Date().toISOString();
    const outcome = verifySheet(verifiedValuesOf(record.fields, fields), second, third, keyers, at, {}, fields);
    if (outcome.state === 'needs_third') return outcome.fields;
    await save(record, outcome, { second, third, keyers, at });
    return [];
  }, [store, batchId, data, save, keyPulled]);

  const look = useCallback(async (recordId: string, readerId: string, looks: PaperLooks): Promise<SecondLookLine[]> => {
    setError(null);
    const at = new Date().toISOString();
    const byReader = Object.fromEntries(Object.entries(looks).map(([field, l]) => [field, { ...l, by: readerId, at }]));
    if (!data) return [];
    // The sheet holds back the keyings of its batch's fields: the look settles those, no fewer.
    const { fields } = data;
    const settle = (first: VerifiedValues, held: HeldKeyings) => verifySheet(first, held.second, held.third, held.keyers, held.at, byReader, fields);
    const { records } = await listBatchApplications(store.db, batchId);
    const record = records.find((r) => r.id === recordId);
    if (record) {
      const held = record.heldKeyings;
      if (!held) return [];
      const outcome = settle(verifiedValuesOf(record.fields, fields), held);
      // A reading to type again stays on the screen, not on the record: the sheet waits as it was.
      if (outcome.state === 'second_look') return outcome.lines;
      await save(record, outcome, held);
      return [];
    }
    // A sheet typed on another tablet: settled against its pulled first entry, and a record of this tablet once verified.
    const sheet = (await listSheetsToVerify(store.db, batchId)).find((s) => s.recordId === recordId);
    const held = sheet?.heldKeyings;
    if (!sheet || !held) return [];
    const outcome = settle(verifiedValuesOf(sheet.application, fields), held);
    if (outcome.state === 'second_look') return outcome.lines;
    try {
      if (outcome.state === 'verified') await takeVerifiedSheet(store.db, sheet, outcome.verification, outcome.values);
    } catch (failure) {
      setError(describeSaveError(failure));
    }
    return [];
  }, [store, batchId, data, save]);

  return { view, key, look, error };
}
