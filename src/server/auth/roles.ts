/** User roles; the wire contract's list is the single source. */
import { ROLES } from '../../shared/protocol';

export type Role = (typeof ROLES)[number];

/** Whether `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
