/**
 * For screen tests against the real server: a fresh store and a fresh server
 * for each test, closed after it with what the test drew. Called in a file or
 * describe body; the objects it hands out are filled in before each test, so a
 * file names them as constants (hooks registered after the call run after its own).
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { closeStore, type Store } from '../../src/app/db/connection';
import { openTestStore } from './harness';
import { startServer, type TestServer } from './sync/server-harness';

export function storeAndServerPerTest(): { store: Store; server: TestServer } {
  const store = {} as Store;
  const server = {} as TestServer;
  beforeEach(async () => {
    Object.assign(store, await openTestStore());
    Object.assign(server, await startServer());
  });
  afterEach(async () => {
    cleanup();
    closeStore(store);
    await server.close();
  });
  return { store, server };
}
