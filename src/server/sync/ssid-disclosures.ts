/**
 * The push's side of ssid-disclosure.ts: each `ssid_taken` conflict whose SSID a
 * student of another center holds is audited, and past the user's hourly limit
 * it becomes a refusal that says to send the record again later.
 */
import { refusal, type AnyMutation, type MutationResult } from '../../shared/protocol';
import type { Executor } from '../queries/executor';
import { findStudentBySsid } from '../queries/students';
import { mayDiscloseSsidHolder } from '../students/ssid-disclosure';
import { serverKind } from './kinds';

const LIMITED = refusal('too_many_ssid_checks');

/** `results` with each `ssid_taken` conflict checked against the caller's disclosure limit. */
export async function guardSsidDisclosures(
  trx: Executor,
  caller: { userId: string; centerId: string },
  mutations: ReadonlyMap<number, AnyMutation>,
  results: readonly MutationResult[],
  now: Date,
): Promise<MutationResult[]> {
  const guarded: MutationResult[] = [];
  for (const result of results) {
    const mutation = mutations.get(result.mutationId);
    if (result.status !== 'conflict' || result.reason.code !== 'ssid_taken' || mutation === undefined) {
      guarded.push(result);
      continue;
    }
    const holder = await findStudentBySsid(trx, serverKind(mutation).ssid(mutation));
    const allowed = holder === undefined || (await mayDiscloseSsidHolder(trx, caller, holder, now));
    guarded.push(allowed ? result : { mutationId: result.mutationId, recordId: result.recordId, status: 'rejected', reason: LIMITED });
  }
  return guarded;
}
