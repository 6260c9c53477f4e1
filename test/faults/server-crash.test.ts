/**
 * The server killed with SIGKILL while a push is in flight, then started again
 * on the same data folder (SQLite, as `npm start` runs it): the REAL sync engine
 * re-sends, and every record ends on the server exactly once.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EDGE_BATCH_SIZE } from '../../src/app/sync/push';
import type { DatabaseHandle } from '../../src/server/db/connect';
import { DEMO_EMAIL } from '../../src/server/seed';
import { countLedger, printLedger, type SentRecord } from './counts';
import { startFaultProxy, type Fault, type FaultProxy } from './proxy';
import { PASSWORD, startChild, tempDataDir, type ChildServer } from './servers';
import { newTablet, type Tablet } from './tablet';

/** One push batch; large enough that applying it takes the server a while (about 100 ms and up). */
const RECORDS = 100;
const PUSH = '/api/sync/push';

const data = tempDataDir();
let server: ChildServer;
let proxy: FaultProxy;
let tablet: Tablet;
let database: DatabaseHandle;

beforeAll(async () => {
  server = await startChild(data.dataDir);
  proxy = await startFaultProxy(server.url);
  tablet = await newTablet(proxy.url, { email: DEMO_EMAIL, password: PASSWORD });
  database = data.open();
}, 60_000);
afterAll(async () => {
  tablet?.close();
  await database?.close();
  await proxy?.close();
  await server?.kill();
  data.remove();
});

/** Starts the server again on the same data and points the proxy at it. */
async function restart(): Promise<void> {
  await server.kill();
  server = await startChild(data.dataDir);
  proxy.setUpstream(server.url);
}

async function expectExactlyOnce(scenario: string, sent: SentRecord[]): Promise<void> {
  const ledger = await countLedger(database.db, sent);
  printLedger(scenario, ledger);
  expect(ledger).toEqual({ sent: sent.length, onServer: sent.length, lost: 0, duplicated: 0 });
  const { statuses, outbox } = await tablet.local();
  expect(statuses.filter((s) => s !== 'synced')).toEqual([]);
  expect(outbox).toBe(0);
}

/**
 * Waits until the server holds SQLite's write lock (its push transaction began:
 * every write transaction is BEGIN IMMEDIATE), then SIGKILLs it: a kill inside
 * the transaction, not before or after it.
 */
async function killInsideTransaction(): Promise<void> {
  const probe = new Database(path.join(data.dataDir, 'mesa.sqlite'), { timeout: 0 });
  try {
    for (let i = 0; i < 5_000; i++) {
      try {
        probe.exec('begin immediate');
        probe.exec('rollback');
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        // Let it apply a few records first: mid-batch, not at its first statement.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await server.kill();
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('The server never began its push transaction.');
  } finally {
    probe.close();
  }
}

/**
 * The first push meets `fault`; the tablet's next one, sent while the first is
 * out (pipelined push), is answered 502 by the proxy and never reaches the
 * server, so what the server holds at the kill is the first request's alone.
 */
function onlyFirstPushReaches(fault: Fault): void {
  let pushes = 0;
  proxy.setRule((request) => {
    if (request.path !== PUSH) return { kind: 'pass' };
    return pushes++ === 0 ? fault : { kind: 'status', status: 502, forward: false };
  });
}

/** How far the server got with this tablet's queue, read from its database. */
async function lastApplied(): Promise<number> {
  const rows = await database.db.selectFrom('devices').select('last_applied_mutation_id').execute();
  return Math.max(0, ...rows.map((r) => r.last_applied_mutation_id));
}

it('loses and doubles nothing when the server is killed while applying a batch', async () => {
  const sent = await tablet.confirm(RECORDS);
  const before = await lastApplied();
  let killed: Promise<void> | null = null;
  onlyFirstPushReaches({ kind: 'pass' });
  proxy.watch((request, stage) => {
    if (request.path === PUSH && stage === 'forwarded' && killed === null) killed = killInsideTransaction();
  });
  const engine = tablet.engine();
  await engine.syncNow();
  await killed;
  proxy.watch(null);
  proxy.setRule(() => ({ kind: 'pass' }));
  expect(engine.getState().phase).toBe('error');
  // Either the whole batch (the short first one) committed or none of it did: never a part.
  const progress = (await lastApplied()) - before;
  expect([0, EDGE_BATCH_SIZE]).toContain(progress);
  expect((await countLedger(database.db, sent)).onServer).toBe(progress);
  expect((await tablet.local()).outbox).toBe(RECORDS);

  await restart();
  await engine.syncNow();

  await expectExactlyOnce(`server killed mid-batch (${progress === 0 ? 'rolled back' : 'committed'}) and restarted`, sent);
}, 90_000);

it('loses and doubles nothing when the server dies after the commit, before its answer leaves', async () => {
  const sent = await tablet.confirm(RECORDS);
  let killed: Promise<void> | null = null;
  onlyFirstPushReaches({ kind: 'drop-response' });
  proxy.watch((request, stage) => {
    if (request.path === PUSH && stage === 'answered' && killed === null) killed = server.kill();
  });
  const engine = tablet.engine();
  await engine.syncNow();
  await killed;
  proxy.watch(null);
  proxy.setRule(() => ({ kind: 'pass' }));
  // The first request (a short first batch) committed; the tablet heard of none of it.
  expect((await countLedger(database.db, sent)).onServer).toBe(EDGE_BATCH_SIZE);
  expect((await tablet.local()).outbox).toBe(RECORDS);

  await restart();
  await engine.syncNow();

  await expectExactlyOnce('server killed after commit, answer lost', sent);
}, 90_000);
