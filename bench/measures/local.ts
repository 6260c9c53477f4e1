/**
 * Local figures: autosave and strict confirm latency over 500 operations, and
 * with 10,000 applications stored, opening the records list and search as you
 * type, all in Chromium's real IndexedDB through the app's own modules, with
 * encryption at rest on as on a tablet.
 */
import type { School } from '../../src/shared/protocol';
import type { Latency } from '../pages/bench-api';
import { describeError } from '../lib/errors';
import { makeRecords } from '../lib/fixtures';
import { figure, type Figure } from '../lib/report';
import type { BenchContext, Section } from '../lib/section';
import { startStaticServer } from '../lib/static-files';

const OPS = 500;
const STORED = 10_000;
const LIST_OPENS = 10;

const SCHOOLS: School[] = ['Fremont High', 'Roosevelt Middle', 'Hoover High', 'Lincoln Middle', 'Edison High'].map((name, i) => ({
  id: `bench-school-${i + 1}`, centerId: 'bench-center', name, cdsCode: `0161259013${String(i).padStart(4, '0')}`, city: 'Oakland', deleted: false,
}));

/** The local figures measured in one page. */
interface LocalRun {
  autosave: Latency;
  /** Null when a record could not be confirmed; `confirmError` says why. */
  confirm: Latency | null;
  confirmError: string | null;
  openList: { firstScreen: Latency; first: Latency; again: Latency; firstScreenBeside: Latency };
  search: Latency;
  /** What keeping the roster's order adds to one pulled page. */
  rosterOrderUpkeep: Latency;
  openRoster: { firstScreen: Latency; first: Latency; again: Latency };
  rosterSearch: Latency;
  afterUnlock: { scan: Latency; later: Latency };
}

async function measureLocal(ctx: BenchContext): Promise<LocalRun> {
  ctx.requirePage('local');
  const server = await startStaticServer(ctx.pagesDir, '/__bench/');
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/__bench/local.html`);
    await page.waitForFunction(() => window.localBench !== undefined);
    const schoolIds = SCHOOLS.map((s) => s.id);
    const entry = makeRecords({ count: OPS + 1, schoolIds, seed: 1 });
    const autosave = await page.evaluate(([record, n]) => window.localBench!.autosave(record, n), [entry[0]!, OPS] as const);
    // A refused confirmation loses the confirm figures only, not the lists measured after it.
    let confirm: Latency | null = null;
    let confirmError: string | null = null;
    try {
      confirm = await page.evaluate((records) => window.localBench!.confirm(records), entry.slice(1));
    } catch (error) {
      confirmError = `Confirm not measured: ${describeError(error)}`;
    }

    const stored = makeRecords({ count: STORED, schoolIds, seed: 2 });
    await page.evaluate(([records, schools]) => window.localBench!.store(records, schools), [stored, SCHOOLS] as const);
    const openList = await page.evaluate((runs) => window.localBench!.openList(runs), LIST_OPENS);
    // What an advisor types: a last name, a full name, the start of an SSID, a school.
    const queries = stored.slice(0, 12).flatMap((r) => [r.fields.lastName, `${r.fields.firstName} ${r.fields.lastName}`, r.fields.ssid.slice(0, 6)]);
    const search = await page.evaluate((qs) => window.localBench!.searchAsYouType(qs), [...queries, 'Fremont']);
    // The same students on the roster, as a pull stores them.
    const { upkeep: rosterOrderUpkeep } = await page.evaluate(([records, runs]) => window.localBench!.storeRoster(records, runs), [stored, LIST_OPENS] as const);
    const openRoster = await page.evaluate((runs) => window.localBench!.openRoster(runs), LIST_OPENS);
    const rosterQueries = stored.slice(0, 12).flatMap((r) => [r.fields.lastName, `${r.fields.firstName} ${r.fields.lastName}`, r.fields.ssid.slice(-4)]);
    const rosterSearch = await page.evaluate((qs) => window.localBench!.searchRosterAsYouType(qs), [...rosterQueries, 'grade 7', 'Fremont']);
    const afterUnlock = await page.evaluate((runs) => window.localBench!.afterUnlockWork(runs), LIST_OPENS);
    return { autosave, confirm, confirmError, openList, search, rosterOrderUpkeep, openRoster, rosterSearch, afterUnlock };
  } finally {
    await context.close();
    await server.close();
  }
}

function rows(run: LocalRun | null, reason: string | null): Figure[] {
  const ms = (label: string, value: number | undefined, goal: Figure['goal'] = null, note: string | null = null) =>
    figure({ label, unit: 'ms', better: 'lower', ours: value ?? null, goal, note });
  return [
    ms(`Autosave a draft, p50 (${OPS} saves)`, run?.autosave.p50, null, reason),
    ms(`Autosave a draft, p95 (${OPS} saves)`, run?.autosave.p95, { on: 'ours', atMost: 15 }),
    ms(`Confirm, strict durability, p50 (${OPS})`, run?.confirm?.p50, null, run?.confirmError ?? null),
    ms(`Confirm, strict durability, p95 (${OPS})`, run?.confirm?.p95),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, first screenful, first after unlock, p50`, run?.openList.firstScreen.p50, null,
      'Records list: the first screenful is the records changed last (FIRST_SCREENFUL in useRecordSearch.ts), read through the plain updatedAt index and decrypted, with their search entries and the count of stored rows; '
      + 'the whole list (read every record, decrypt it, build the in-memory search index) follows after the first paint, and until it is built the screen says search covers only the first screenful. '
      + `"First after unlock": nothing decrypted yet; "again": rows unchanged since, served from the decrypted cache (${LIST_OPENS} of each). Drawing not included.`),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, first screenful, first after unlock, p95`, run?.openList.firstScreen.p95, { on: 'ours', atMost: 100 }),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, first screenful beside the header's count, first after unlock, p50`, run?.openList.firstScreenBeside.p50, null,
      'Records list beside the header: as in the app right after unlock, the header\'s "need fixing" count (db/setAsideRows.ts), which reads and opens every row, is started just before the first screenful is read; '
      + 'it waits for the first screenful before it reads and between its slices (db/screenFirst.ts), and rows being opened are shared (db/sealedCache.ts), so each is decrypted once for both.'),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, first screenful beside the header's count, first after unlock, p95`, run?.openList.firstScreenBeside.p95, { on: 'ours', atMost: 100 }),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, whole list and index, first after unlock, p50`, run?.openList.first.p50),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, whole list and index, first after unlock, p95`, run?.openList.first.p95),
    ms(`Records list, ${STORED.toLocaleString('en-US')} stored, whole list and index, again, p50`, run?.openList.again.p50),
    ms(`Search as you type, ${STORED.toLocaleString('en-US')} stored, p50`, run?.search.p50, null,
      `Search: ${run?.search.samples ?? 0} keystrokes, every prefix of 37 queries (last names, full names, SSID starts, a school), against the opened list; drawing not included.`),
    ms(`Search as you type, ${STORED.toLocaleString('en-US')} stored, p95`, run?.search.p95, { on: 'ours', atMost: 50 }),
    ms(`Students roster, ${STORED.toLocaleString('en-US')} stored, first screenful, first after unlock, p50`, run?.openRoster.firstScreen.p50, null,
      'Students roster: sorted by last then first name, which are sealed; the first screenful is read through the roster\'s stored order (db/rosterOrder.ts: sealed, the first 40 ids opened apart from the whole), '
      + 'so only those 40 rows are decrypted; the whole roster and its index follow after the first paint. The roster was stored through the pull\'s page writes, which keep that order. Drawing not included.'),
    ms(`Students roster, ${STORED.toLocaleString('en-US')} stored, first screenful, first after unlock, p95`, run?.openRoster.firstScreen.p95, { on: 'ours', atMost: 100 }),
    ms(`Students roster, ${STORED.toLocaleString('en-US')} stored, whole roster and index, first after unlock, p50`, run?.openRoster.first.p50),
    ms(`Students roster, ${STORED.toLocaleString('en-US')} stored, whole roster and index, again, p50`, run?.openRoster.again.p50),
    ms(`Roster order upkeep per pulled page of 2,000, ${STORED.toLocaleString('en-US')} stored, p50`, run?.rosterOrderUpkeep.p50, null,
      `Roster order upkeep: what a pulled page adds to keep the stored order (open the whole sealed order, place the page's 2,000 students, seal it again), ${LIST_OPENS} times; the page's own writes not included.`),
    ms(`Roster order upkeep per pulled page of 2,000, ${STORED.toLocaleString('en-US')} stored, p95`, run?.rosterOrderUpkeep.p95),
    ms(`Roster search as you type, ${STORED.toLocaleString('en-US')} stored, p50`, run?.rosterSearch.p50, null,
      `Roster search: ${run?.rosterSearch.samples ?? 0} keystrokes, every prefix of 38 queries (last names, full names, SSID last four digits, a grade, a school); drawing not included.`),
    ms(`Roster search as you type, ${STORED.toLocaleString('en-US')} stored, p95`, run?.rosterSearch.p95, { on: 'ours', atMost: 50 }),
    figure({
      label: `After-unlock work, ${STORED.toLocaleString('en-US')} records and students stored, p50`, unit: 'ms', better: 'lower',
      ours: run?.afterUnlock.later.p50 ?? null, peer: run?.afterUnlock.scan.p50 ?? null, peerName: 'every row read for plain ones',
      note: 'The work after each unlock (services/afterUnlock.ts: store typing held from the last unload, seal rows still plain); the screens wait for it only while typing is held (features/vault/useVault.ts). '
        + `${LIST_OPENS} unlocks each. Ours: a later unlock, once a pass has found every row sealed under this schema version (db/sealPlainRows.ts). `
        + 'Peer: the same unlock reading every application, outbox and roster row for plain ones, as every unlock did before, and as the first one after a schema change still does.',
    }),
    figure({
      label: `After-unlock work, ${STORED.toLocaleString('en-US')} records and students stored, p95`, unit: 'ms', better: 'lower',
      ours: run?.afterUnlock.later.p95 ?? null, peer: run?.afterUnlock.scan.p95 ?? null, peerName: 'every row read for plain ones',
    }),
  ];
}

/** Local storage figures. */
export const localSection: Section = {
  id: 'local',
  name: 'Local',
  run: async (ctx) => rows(await measureLocal(ctx), null),
  notMeasured: (reason) => rows(null, reason),
};
