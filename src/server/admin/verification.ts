/**
 * The center's setting for verification by a second keyer (issue 10): read by
 * the pull (the tablet's batch switch and confirm gate follow it) and by the
 * push (decide.ts rule 2b), changed by the center administrator with an audit
 * row. Setting 'required' again keeps the moment it was first required.
 */
import type { CenterVerification, VerificationPolicy } from '../../shared/verification-policy';
import { verificationPolicyRequestSchema } from '../../shared/admin-protocol';
import type { DatabaseHandle } from '../db/connect';
import { parseOrThrow } from '../http/validation';
import { centerVerification, setCenterVerification } from '../queries/centers';
import type { Actor } from './caller';
import { auditAdminAction } from './audit';

const SUBJECTS: Record<VerificationPolicy, string> = {
  off: 'Verification: only batches that ask for it',
  default: 'Verification: on for new batches',
  required: 'Verification: required for every sheet',
};

/** Sets the actor's center's setting; `input` is the request body. */
export async function setVerificationPolicy(handle: DatabaseHandle, actor: Actor, input: unknown): Promise<CenterVerification> {
  const { policy } = parseOrThrow(verificationPolicyRequestSchema, input);
  const now = new Date().toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const before = await centerVerification(trx, actor.centerId);
    if (before.policy === policy) return before;
    const since = policy === 'required' ? now : null;
    await setCenterVerification(trx, actor.centerId, policy, since);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'verification_policy_set', subject: SUBJECTS[policy], now });
    return { policy, requiredSince: since };
  });
}
