/**
 * The server's handler for each kind of mutation in the shared table
 * (MUTATION_KINDS in protocol.ts). apply-batch.ts and ssid-disclosures.ts
 * dispatch through it; a kind without a handler here does not compile.
 */
import { kindOf, type AnyMutation, type MutationKind } from '../../shared/protocol';
import { applicationKind } from './apply-mutation';
import { ssidUpdateKind } from './apply-ssid-update';
import type { ServerKind } from './push-batch';

const SERVER_KINDS: { [K in MutationKind]: ServerKind<K> } = {
  application: applicationKind,
  ssid_update: ssidUpdateKind,
};

/** The handler of `mutation`'s own kind. */
export function serverKind(mutation: AnyMutation): ServerKind<MutationKind> {
  return SERVER_KINDS[kindOf(mutation)];
}
