import { describe, expect, it } from 'vitest';
import { REFUSALS, type RefusalCode } from '../../src/shared/problems';
import { anyMutationSchema, claimedKind, CONFLICT_CODES, MUTATION_KIND_NAMES, MUTATION_KINDS } from '../../src/shared/protocol';

const ssidUpdate = {
  kind: 'ssid_update', mutationId: 2, recordId: '0190a0b0-0000-7000-8000-000000000002', studentId: '0190a0b0-0000-7000-8000-000000000003',
  version: 1, ssid: '1234567890', source: 'school_records', confirmedAt: '2026-09-01T10:00:00.000Z',
};

describe('the table of mutation kinds', () => {
  it('names each kind by what its `kind` says on the wire', () => {
    for (const kind of MUTATION_KIND_NAMES) {
      expect(MUTATION_KINDS[kind].schema.shape.kind.safeParse(kind).success).toBe(true);
    }
  });

  it.each([
    [undefined, 'application'],
    [{}, 'application'],
    [{ kind: 'ssid_update' }, 'ssid_update'],
    [{ kind: 'application' }, 'application'],
    [{ kind: 'no_such_kind' }, 'application'],
    [{ kind: 'toString' }, 'application'],
    [{ kind: 7 }, 'application'],
  ])('names the fields of %j by the schema of the kind %s', (raw, kind) => {
    expect(claimedKind(raw)).toBe(kind);
  });

  it('carries every kind in the wire union, and nothing that fits no kind', () => {
    expect(anyMutationSchema.parse(ssidUpdate)).toEqual(ssidUpdate);
    expect(anyMutationSchema.safeParse({ ...ssidUpdate, kind: 'no_such_kind' }).success).toBe(false);
  });

  it('lets every kind be refused as invalid or unstorable, which push decides before any kind rule', () => {
    for (const kind of MUTATION_KIND_NAMES) expect(MUTATION_KINDS[kind].refusals).toEqual(expect.arrayContaining(['invalid', 'unstorable']));
  });

  it('lets a kind that may meet a taken SSID be refused past the hourly disclosure limit', () => {
    for (const kind of MUTATION_KIND_NAMES) {
      const refusals: readonly RefusalCode[] = MUTATION_KINDS[kind].refusals;
      if (refusals.includes('ssid_taken')) expect(refusals).toContain('too_many_ssid_checks');
    }
  });

  it('gives every refusal code of the catalogue to some kind, and every conflict code the wire accepts', () => {
    const used = new Set<RefusalCode>(MUTATION_KIND_NAMES.flatMap((kind) => MUTATION_KINDS[kind].refusals));
    expect([...used].sort()).toEqual(Object.keys(REFUSALS).sort());
    for (const code of CONFLICT_CODES) expect(used).toContain(code);
  });
});
