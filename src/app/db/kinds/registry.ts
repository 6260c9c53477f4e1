/**
 * The tablet's handler for each kind of mutation in the shared table
 * (MUTATION_KINDS in protocol.ts); a kind without one here does not compile.
 */
import { kindOf, type MutationKind } from '../../../shared/protocol';
import { applicationKind } from './application';
import type { TabletKind } from './handler';
import { ssidUpdateKind } from './ssidUpdate';

const TABLET_KINDS: { [K in MutationKind]: TabletKind<K> } = {
  application: applicationKind,
  ssid_update: ssidUpdateKind,
};

/** The handler of the kind named `kind`. */
export function tabletKindNamed(kind: MutationKind): TabletKind<MutationKind> {
  return TABLET_KINDS[kind];
}

/** The handler of `mutation`'s own kind. */
export function tabletKind(mutation: { kind?: MutationKind }): TabletKind<MutationKind> {
  return tabletKindNamed(kindOf(mutation));
}
