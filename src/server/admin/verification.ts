/**
 * The center's setting for verification by a second keyer (issue 10): read by
 * the pull (the tablet's batch switch and confirm gate follow it) and by the
 * push (decide.ts rule 2b), changed by the center administrator with an audit
 * row. Setting 'required' again keeps the moment it was first required. The
 * fields it adds to the required four are audited apart, by their labels.
 */
import type { CenterVerification, VerificationPolicy } from '../../shared/verification-policy';
import { verificationPolicyRequestSchema, type AdminAction } from '../../shared/admin-protocol';
import { fieldLabel } from '../../shared/application';
import { ADDABLE_VERIFIED_FIELDS, verifiedFieldsOf } from '../../shared/verification-record';
import type { DatabaseHandle } from '../db/connect';
import { parseOrThrow } from '../http/validation';
import { centerVerification, setCenterVerification, setCenterVerifiedFields } from '../queries/centers';
import type { Actor } from './caller';
import { auditAdminAction } from './audit';

const SUBJECTS: Record<VerificationPolicy, string> = {
  off: 'Verification: only batches that ask for it',
  default: 'Verification: on for new batches',
  required: 'Verification: required for every sheet',
};

/** Sets the actor's center's setting, its policy or the fields it adds or both; `input` is the request body. */
export async function setVerificationPolicy(handle: DatabaseHandle, actor: Actor, input: unknown): Promise<CenterVerification> {
  const request = parseOrThrow(verificationPolicyRequestSchema, input);
  const now = new Date().toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const before = await centerVerification(trx, actor.centerId);
    const audit = (action: AdminAction, subject: string) => auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action, subject, now });
    let after = before;
    const { policy, fields } = request;
    if (policy !== undefined && policy !== before.policy) {
      const since = policy === 'required' ? now : null;
      await setCenterVerification(trx, actor.centerId, policy, since);
      await audit('verification_policy_set', SUBJECTS[policy]);
      after = { ...after, policy, requiredSince: since };
    }
    // Stored in the paper's order, each once, whatever order they came in.
    const added = fields === undefined ? before.fields : ADDABLE_VERIFIED_FIELDS.filter((field) => fields.includes(field));
    if (added.join() !== before.fields.join()) {
      await setCenterVerifiedFields(trx, actor.centerId, added);
      await audit('verification_fields_set', `Verified fields: ${verifiedFieldsOf(added).map(fieldLabel).join(', ')}`);
      after = { ...after, fields: added };
    }
    return after;
  });
}
