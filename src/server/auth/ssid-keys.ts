/**
 * Keyed SSID hashes for the roster (design section 7): the tablet can tell that
 * an SSID is already used without holding other students' numbers. Each center
 * has its own key, so a roster from one center says nothing about another's.
 */
import { createHmac } from 'node:crypto';

/** The center's key: HMAC-SHA256(server secret, center id). */
export function centerKey(serverSecret: string, centerId: string): Buffer {
  return createHmac('sha256', serverSecret).update(centerId).digest();
}

/** HMAC-SHA256(center key, ssid), hex: what the roster carries instead of the SSID. */
export function ssidHash(key: Buffer, ssid: string): string {
  return createHmac('sha256', key).update(ssid).digest('hex');
}
