/**
 * Weight: what the app makes a tablet download before it can work, next to the
 * peers' libraries, all gzip-compressed the same way in the same run.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { walkFirstVisit } from '../lib/browser';
import { attributeBundle } from '../lib/bundle-attribution';
import { describeError } from '../lib/errors';
import { gzipSize, gzipSizeOfFiles, staticImportGraph } from '../lib/gzip';
import { bundleModule } from '../lib/pages';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';
import { startStaticServer } from '../lib/static-files';

/** Gzip bytes of JavaScript and CSS, in total and file by file. */
export interface Weight {
  jsBytes: number;
  cssBytes: number;
  files: { path: string; gzipBytes: number }[];
}

/**
 * Counts every script and stylesheet `page` fetches from now on, by its gzip
 * size; `settle()` waits for the bodies still being read and gives the total.
 */
function countFetchedFiles(page: Page): { settle(): Promise<Weight> } {
  const weight: Weight = { jsBytes: 0, cssBytes: 0, files: [] };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(response.body().then((body) => {
      const size = gzipSize(body);
      weight.files.push({ path: new URL(response.url()).pathname, gzipBytes: size });
      if (type === 'script') weight.jsBytes += size;
      else weight.cssBytes += size;
    }));
  });
  return { settle: async () => { await Promise.all(pending); return weight; } };
}

/**
 * Loads the built app from `distDir` in a fresh browser context and adds up the
 * gzip size of every script and stylesheet it fetched. The service worker is
 * blocked: its precache of the whole shell is a background download, not what
 * the first screen needs.
 */
export async function measureAppWeight(browser: Browser, distDir: string): Promise<Weight> {
  const server = await startStaticServer(distDir);
  try {
    return await weighVisit(browser, async (page) => {
      await page.goto(server.origin, { waitUntil: 'networkidle' });
    });
  } finally {
    await server.close();
  }
}

/**
 * What an advisor's first visit fetches before the first sheet can be typed:
 * the real server, sign-in, the passphrase, a new batch, until the entry form's
 * first field has focus. The service worker is blocked, as above, so its
 * background precache is not counted.
 */
export async function measureEntryPathWeight(browser: Browser, rootDir: string): Promise<Weight> {
  const server = await startServerProcess(rootDir);
  try {
    return await weighVisit(browser, async (page) => {
      await walkFirstVisit(page, server.url, { workerBlocked: true });
      await page.locator('[data-entry-field]:focus:not([disabled])').waitFor({ timeout: 30_000 });
    });
  } finally {
    await server.stop();
  }
}

/** The scripts and stylesheets `visit` makes a fresh page fetch, with the service worker blocked. */
async function weighVisit(browser: Browser, visit: (page: Page) => Promise<void>): Promise<Weight> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const fetched = countFetchedFiles(page);
    await visit(page);
    return await fetched.settle();
  } finally {
    await context.close();
  }
}

const require = createRequire(import.meta.url);

/** pouchdb-browser as an app would ship it: bundled, minified, gzip. */
export async function measurePouchWeight(): Promise<number> {
  const entry = require.resolve('pouchdb-browser/lib/index.es.js');
  const outDir = await bundleModule(entry, 'pouchdb-browser');
  return gzipSizeOfFiles([path.join(outDir, 'pouchdb-browser.js')]);
}

/** @getodk/web-forms' published entry and the chunks it statically imports (Vue, a peer dependency, not included). */
export async function measureOdkWeight(): Promise<number> {
  return gzipSizeOfFiles(await staticImportGraph(require.resolve('@getodk/web-forms')));
}

/** Names the largest first-visit files and, through their source maps, the largest contributors. */
async function describeWeight(app: Weight, distDir: string): Promise<string> {
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const files = [...app.files].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3).map((f) => `${f.path} ${kb(f.gzipBytes)}`);
  const shares = new Map<string, number>();
  for (const file of app.files.filter((f) => f.path.endsWith('.js'))) {
    const local = path.join(distDir, file.path);
    if (!existsSync(`${local}.map`)) continue;
    for (const share of await attributeBundle(local)) shares.set(share.origin, (shares.get(share.origin) ?? 0) + share.gzipBytes);
  }
  const top = [...shares].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([origin, bytes]) => `${origin} ${kb(bytes)}`);
  return `Largest first-visit files (gzip): ${files.join(', ')}.${top.length > 0 ? ` Largest contributors (each gzipped alone): ${top.join(', ')}.` : ''}`;
}

/** The JavaScript budget of issue 6, in KB gzip. */
const JS_BUDGET_KB = 60;
const KB = 1024;

/** One of our measures, or why it could not be taken. */
type Measured = { weight: Weight; note: string } | { weight: null; note: string };

async function measured(distDir: string, measure: () => Promise<Weight>): Promise<Measured> {
  try {
    const weight = await measure();
    return { weight, note: await describeWeight(weight, distDir) };
  } catch (error) {
    return { weight: null, note: `Ours not measured: ${describeError(error)}` };
  }
}

/** Weight figures: our first screen and our way to the first sheet, against pouchdb-browser and ODK Web Forms. */
export const weightSection: Section = {
  id: 'weight',
  name: 'Weight',
  async run(ctx) {
    const [pouch, odk] = await Promise.all([measurePouchWeight(), measureOdkWeight()]);
    ctx.requireApp();
    const firstScreen = await measured(ctx.distDir, () => measureAppWeight(ctx.browser, ctx.distDir));
    const entryPath = await measured(ctx.distDir, () => measureEntryPathWeight(ctx.browser, ctx.rootDir));
    return rows(firstScreen, entryPath, pouch / KB, odk / KB);
  },
  notMeasured: (reason) => rows({ weight: null, note: reason }, { weight: null, note: reason }, null, null),
};

function rows(firstScreen: Measured, entryPath: Measured, pouch: number | null, odk: number | null): Figure[] {
  const goal = { on: 'ours', atMost: JS_BUDGET_KB } as const;
  const js = (m: Measured) => (m.weight ? m.weight.jsBytes / KB : null);
  return [
    figure({ label: 'First visit JS, gzip', unit: 'KB', better: 'lower', ours: js(firstScreen), peer: pouch, peerName: 'pouchdb-browser alone', goal, note: firstScreen.note }),
    figure({ label: 'First visit JS, gzip', unit: 'KB', better: 'lower', ours: js(firstScreen), peer: odk, peerName: '@getodk/web-forms entry, without Vue', goal }),
    figure({ label: 'First visit CSS, gzip', unit: 'KB', better: 'lower', ours: firstScreen.weight ? firstScreen.weight.cssBytes / KB : null }),
    figure({
      label: 'First visit JS until the entry form takes typing (sign-in, passphrase, new batch), gzip', unit: 'KB', better: 'lower',
      ours: js(entryPath), goal, note: entryPath.note,
    }),
  ];
}
