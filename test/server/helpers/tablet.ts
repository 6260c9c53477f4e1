/** A signed-in tablet for the server tests: it numbers its own mutations, as a real one does. */
import { expect } from 'vitest';
import { pushResponseSchema, type Mutation, type MutationResult } from '../../../src/shared/protocol';
import { application, mutation, type CenterFixture } from './fixtures';
import { call, signIn, type RunningServer } from './http';

/** Signs in `center`'s advisor on a new tablet. */
export async function signedInTablet(server: RunningServer, center: CenterFixture) {
  const session = await signIn(server.url, center.advisor.email, center.advisor.password);
  let next = 1;
  return {
    ...session,
    /** A new record of a new student (as the tablet makes them), for `fields`. */
    paper: (fields: Parameters<typeof application>[1], overrides: Partial<Mutation> = {}) =>
      mutation(next++, center.schoolIds[0]!, { application: application(center.schoolIds[0]!, fields), ...overrides }),
    /** The same record again as a later version, with a new mutation id. */
    again: (m: Mutation, overrides: Partial<Mutation> = {}): Mutation => ({ ...m, mutationId: next++, version: m.version + 1, ...overrides }),
    /** Pushes `mutations`; fails the test unless the push is answered. */
    push: async (...mutations: Mutation[]): Promise<MutationResult[]> => {
      const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations } });
      expect(answer.status).toBe(200);
      return pushResponseSchema.parse(answer.body).results;
    },
  };
}
