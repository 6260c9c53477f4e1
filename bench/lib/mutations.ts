/** Benchmark records as the sync protocol's push mutations. */
import { confirmedApplicationSchema } from '../../src/shared/application';
import type { Mutation } from '../../src/shared/protocol';
import type { BenchRecord } from './fixtures';

/**
 * One mutation per record, numbered from `firstMutationId`, each the record's
 * first confirmed version. Parsing with the confirmed schema proves the fixtures
 * are records the server must accept.
 */
export function toMutations(records: readonly BenchRecord[], firstMutationId: number, confirmedAt: string): Mutation[] {
  return records.map((record, i) => ({
    mutationId: firstMutationId + i,
    recordId: record.id,
    studentId: record.studentId,
    version: 1,
    baseServerVersion: null,
    application: confirmedApplicationSchema.parse(record.fields),
    ssidSource: record.fields.ssidSource || null,
    confirmedAt,
  }));
}
