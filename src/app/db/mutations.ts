/** Turning a record's current version into the mutation the outbox sends. */
import type { LocalApplication } from './schema';
import { mutationSchema } from '../../shared/protocol';
import { checkSsid } from '../../shared/ssid';

/**
 * The mutation for a record's current version, checked against the wire schema
 * with the SSID normalized. Its mutationId is a placeholder: the real one is
 * taken from the device counter inside the transaction that queues it.
 */
export function mutationFor(record: LocalApplication, options: { confirmedAt: string; sendToReview: boolean; sameStudent?: boolean }) {
  const ssid = record.fields.ssid.trim() === '' ? '' : (checkSsid(record.fields.ssid).value ?? '');
  return mutationSchema.safeParse({
    mutationId: 1,
    recordId: record.id,
    studentId: record.studentId,
    version: record.version,
    baseServerVersion: record.serverVersion,
    application: { ...record.fields, ssid },
    ssidSource: record.fields.ssidSource === '' ? null : record.fields.ssidSource,
    confirmedAt: options.confirmedAt,
    sendToReview: options.sendToReview,
    ...(options.sameStudent === true ? { sameStudent: true } : {}),
    ...(record.verification ? { verification: record.verification } : {}),
    // Until a second keyer's verification comes with it, every version asks for one elsewhere again.
    ...(record.verifyElsewhere && !record.verification ? { verifyElsewhere: record.verifyElsewhere } : {}),
  });
}
