/**
 * The verify screen's data and actions: the batch's typed sheets not yet
 * verified, whom the second keyer may pick (the center's advisors but the
 * first keyer), and saving each sheet's outcome (shared/verify-sheet.ts) onto
 * its record. The first entry is read here and held against the keyings here:
 * the screen never receives it.
 */
import { useCallback, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { getBatch } from '../../db/batches';
import { listBatchApplications, saveDraft } from '../../db/applications';
import type { LocalBatch, SecondLookLine } from '../../db/schema';
import { describeSaveError } from '../../db/storageErrors';
import { readAdvisors, readSession } from '../../db/meta';
import type { CenterAdvisor } from '../../../shared/protocol';
import type { VerifiedField } from '../../../shared/verification-record';
import { verifiedValuesOf, verifySheet, type VerifiedValues } from '../../../shared/verify-sheet';
import { summarizeVerification, type VerificationSummary } from './summary';

/** What the verify screen shows, never a first entry's value. */
export interface VerifyView {
  batch: LocalBatch;
  /** The signed-in account, who typed the batch on this tablet. */
  firstKeyer: string;
  /** Whom the second keyer may pick: the center's advisors but the first keyer. */
  keyers: CenterAdvisor[];
  /** The next sheet to key (its place in the stack), or null when none is left. */
  next: { id: string; sheet: number } | null;
  sheetsLeft: number;
  summary: VerificationSummary;
  secondLook: { sheet: number; lines: SecondLookLine[] }[];
}

/** The verify screen's view (live) and its keying action. */
export function useVerifyBatch(batchId: string): {
  view: LiveResult<VerifyView | null>;
  /** Keys the next sheet: the second keying, then (when asked) the paper's. Answers the fields to ask of the paper, or none. */
  key: (verifierId: string, second: VerifiedValues, third: Partial<VerifiedValues>) => Promise<VerifiedField[]>;
  error: string | null;
} {
  const { store } = useServices();
  const [error, setError] = useState<string | null>(null);
  const view = useLiveQuery(async () => {
    const batch = await getBatch(store.db, batchId);
    if (!batch) return null;
    const { records } = await listBatchApplications(store.db, batchId);
    const session = await readSession(store.db);
    const firstKeyer = session?.user.id ?? '';
    const keyers = (await readAdvisors(store.db)).filter((a) => a.id !== firstKeyer);
    const sheets = records.map((record, i) => ({ record, sheet: i + 1 }));
    const left = sheets.filter(({ record }) => record.status === 'ready' && !record.verification && !record.secondLook);
    return {
      batch, firstKeyer, keyers,
      next: left[0] ? { id: left[0].record.id, sheet: left[0].sheet } : null,
      sheetsLeft: left.length,
      summary: summarizeVerification(records),
      secondLook: sheets.flatMap(({ record, sheet }) => (record.secondLook ? [{ sheet, lines: record.secondLook }] : [])),
    };
  }, [store, batchId]);

  const data = view.status === 'ready' ? view.data : null;
  const key = useCallback(async (verifierId: string, second: VerifiedValues, third: Partial<VerifiedValues>): Promise<VerifiedField[]> => {
    setError(null);
    if (!data?.next) return [];
    const { records } = await listBatchApplications(store.db, batchId);
    const record = records.find((r) => r.id === data.next?.id);
    if (!record) return [];
    const keyers = { enteredBy: data.firstKeyer, verifiedBy: verifierId, signedInAs: data.firstKeyer };
    const outcome = verifySheet(verifiedValuesOf(record.fields), second, third, keyers, new Date().toISOString());
    if (outcome.state === 'needs_third') return outcome.fields;
    try {
      const base = { id: record.id, studentId: record.studentId, batchId: record.batchId, createdAt: record.createdAt, ssidRekey: record.ssidRekey, fields: record.fields };
      if (outcome.state === 'second_look') await saveDraft(store.db, { ...base, secondLook: outcome.lines });
      // The values that stand replace the first entry's; the SSID's blind re-key is the settled number too.
      else await saveDraft(store.db, { ...base, fields: { ...record.fields, ...outcome.values }, ssidRekey: outcome.values.ssid, verification: outcome.verification });
    } catch (failure) {
      setError(describeSaveError(failure));
    }
    return [];
  }, [store, batchId, data]);

  return { view, key, error };
}
