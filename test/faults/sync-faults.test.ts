/**
 * Fault injection (issue 5, item 5): the REAL sync engine on fake-indexeddb,
 * through a fault-injecting proxy, against the real server in-process on each
 * database. Every scenario prints `sent, on server, lost, duplicated` and
 * requires lost = duplicated = 0 and every local record synced.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../server/helpers/databases';
import { countLedger, printLedger, type SentRecord } from './counts';
import { startFaultProxy, type Fault, type FaultProxy } from './proxy';
import { PASSWORD, startInProcess, type InProcessServer } from './servers';
import { newTablet, type Tablet } from './tablet';
import { DEMO_EMAIL } from '../../src/server/seed';

/** Records per tablet: one push batch of about 40 KB of JSON before gzip. */
const RECORDS = 40;
const DEMO = { email: DEMO_EMAIL, password: PASSWORD };
const PASS: Fault = { kind: 'pass' };

describe.each(DATABASES)('sync under faults on $name', (database) => {
  let server: InProcessServer;
  let proxy: FaultProxy;
  const tablets: Tablet[] = [];

  beforeAll(async () => {
    server = await startInProcess(database);
    proxy = await startFaultProxy(server.url);
  });
  afterEach(() => {
    proxy.setRule(() => PASS);
    for (const tablet of tablets.splice(0)) tablet.close();
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  async function tablet(credentials = DEMO, options: { timeoutMs?: number } = {}): Promise<Tablet> {
    const made = await newTablet(proxy.url, credentials, options);
    tablets.push(made);
    return made;
  }

  /** Faults for pushes, in order, then PASS; every other request passes. */
  function pushFaults(...faults: Fault[]): void {
    proxy.setRule((request) => (request.path === '/api/sync/push' ? (faults.shift() ?? PASS) : PASS));
  }

  /** Prints the ledger and requires nothing lost, nothing doubled, everything synced. */
  async function expectExactlyOnce(scenario: string, sent: SentRecord[], on: Tablet[]): Promise<void> {
    const ledger = await countLedger(server.handle.db, sent);
    printLedger(`${scenario} [${database.name}]`, ledger);
    expect(ledger).toEqual({ sent: sent.length, onServer: sent.length, lost: 0, duplicated: 0 });
    for (const t of on) {
      const { statuses, outbox } = await t.local();
      expect(statuses.filter((s) => s !== 'synced')).toEqual([]);
      expect(outbox).toBe(0);
    }
  }

  it('loses and doubles nothing when the response is dropped after the server committed', async () => {
    const t = await tablet();
    const sent = await t.confirm(RECORDS);
    pushFaults({ kind: 'drop-response' });

    await t.engine().syncNow();
    // The server holds the batch, the tablet does not know it yet.
    expect((await countLedger(server.handle.db, sent)).onServer).toBe(RECORDS);
    expect(new Set((await t.local()).statuses)).toEqual(new Set(['queued']));

    const engine = t.engine();
    await engine.syncNow();
    expect(engine.getState().lastResult).toMatchObject({ applied: RECORDS, rejected: 0, conflicts: 0 });
    await expectExactlyOnce('response dropped after commit', sent, [t]);
  });

  it('retries through 500s before and after the commit', async () => {
    const t = await tablet();
    const sent = await t.confirm(RECORDS);
    pushFaults({ kind: 'status', status: 500, forward: false }, { kind: 'status', status: 500, forward: true }, { kind: 'status', status: 503, forward: false });
    const engine = t.engine();

    await engine.syncNow();
    expect(engine.getState().phase).toBe('error');
    expect((await countLedger(server.handle.db, sent)).onServer).toBe(0);
    await engine.syncNow();
    expect((await countLedger(server.handle.db, sent)).onServer).toBe(RECORDS);
    await engine.syncNow();
    expect(engine.getState().phase).toBe('error');
    await engine.syncNow();

    expect(engine.getState().phase).toBe('idle');
    await expectExactlyOnce('500s before and after commit', sent, [t]);
  });

  it('retries after timeouts, whether or not the server got the batch', async () => {
    const t = await tablet(DEMO, { timeoutMs: 2_000 });
    const sent = await t.confirm(RECORDS);
    pushFaults({ kind: 'hang', forward: false }, { kind: 'hang', forward: true });
    const engine = t.engine();

    await engine.syncNow();
    expect(engine.getState().lastResult?.error).toBeDefined();
    await engine.syncNow();
    expect((await countLedger(server.handle.db, sent)).onServer).toBe(RECORDS);
    expect((await t.local()).outbox).toBe(RECORDS);
    await engine.syncNow();

    await expectExactlyOnce('timeouts before and after commit', sent, [t]);
  });

  it('syncs over a slow link (150 ms round trip, 750 kbit/s)', async () => {
    const t = await tablet();
    const sent = await t.confirm(RECORDS);
    proxy.setRule(() => ({ kind: 'slow', latencyMs: 75, bytesPerSecond: 93_750 }));

    await t.engine().syncNow();

    await expectExactlyOnce('slow link', sent, [t]);
  });

  it('keeps three devices syncing at once apart, with every other answer dropped', async () => {
    const devices = await Promise.all(['fault-a', 'fault-b', 'fault-c'].map(async (label) => tablet(await server.addAdvisor(`${label}-${database.name}`))));
    const sent = (await Promise.all(devices.map((d) => d.confirm(RECORDS)))).flat();
    let pushes = 0;
    proxy.setRule((request) => (request.path === '/api/sync/push' && ++pushes % 2 === 1 ? { kind: 'drop-response' } : PASS));

    for (let round = 0; round < 5; round++) {
      const waiting = await Promise.all(devices.map(async (d) => (await d.local()).outbox));
      if (waiting.every((n) => n === 0)) break;
      await Promise.all(devices.map((d) => d.engine().syncNow()));
    }

    expect(pushes).toBeGreaterThanOrEqual(3);
    await expectExactlyOnce('3 devices at once', sent, devices);
  });

  it('applies a retry storm (5 engines on one tablet, each push replayed 10 times at once) exactly once', async () => {
    const t = await tablet();
    const sent = await t.confirm(RECORDS);
    proxy.setRule((request) => (request.path === '/api/sync/push' ? { kind: 'replay', times: 10 } : PASS));

    const engines = Array.from({ length: 5 }, () => t.engine());
    await Promise.all(engines.map((e) => e.syncNow()));

    for (const engine of engines) expect(engine.getState().phase).toBe('idle');
    await expectExactlyOnce('retry storm', sent, [t]);
  });
});
