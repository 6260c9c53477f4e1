/**
 * Weight: what the app makes a tablet download before it can work, next to the
 * peers' libraries, all gzip-compressed the same way in the same run.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { attributeBundle } from '../lib/bundle-attribution';
import { describeError } from '../lib/errors';
import { gzipSize, gzipSizeOfFiles, staticImportGraph } from '../lib/gzip';
import { bundleModule } from '../lib/pages';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startStaticServer } from '../lib/static-files';

/** Gzip bytes of JavaScript and CSS, in total and file by file. */
export interface Weight {
  jsBytes: number;
  cssBytes: number;
  files: { path: string; gzipBytes: number }[];
}

/**
 * Loads the built app from `distDir` in a fresh browser context and adds up the
 * gzip size of every script and stylesheet it fetched. The service worker is
 * blocked: its precache of the whole shell is a background download, not what
 * the first screen needs.
 */
export async function measureAppWeight(browser: Browser, distDir: string): Promise<Weight> {
  const server = await startStaticServer(distDir);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const weight: Weight = { jsBytes: 0, cssBytes: 0, files: [] };
  const pending: Promise<void>[] = [];
  try {
    const page = await context.newPage();
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
    await page.goto(server.origin, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    return weight;
  } finally {
    await context.close();
    await server.close();
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

/** Weight figures: our first visit against pouchdb-browser and ODK Web Forms. */
export const weightSection: Section = {
  id: 'weight',
  name: 'Weight',
  async run(ctx) {
    const [pouch, odk] = await Promise.all([measurePouchWeight(), measureOdkWeight()]);
    let app: Weight;
    try {
      ctx.requireApp();
      app = await measureAppWeight(ctx.browser, ctx.distDir);
    } catch (error) {
      return rows(null, null, pouch / KB, odk / KB, `Ours not measured: ${describeError(error)}`);
    }
    return rows(app.jsBytes / KB, app.cssBytes / KB, pouch / KB, odk / KB, await describeWeight(app, ctx.distDir));
  },
  notMeasured: (reason) => rows(null, null, null, null, reason),
};

function rows(js: number | null, css: number | null, pouch: number | null, odk: number | null, note: string | null): Figure[] {
  const goal = { on: 'ours', atMost: JS_BUDGET_KB } as const;
  return [
    figure({ label: 'First visit JS, gzip', unit: 'KB', better: 'lower', ours: js, peer: pouch, peerName: 'pouchdb-browser alone', goal, note }),
    figure({ label: 'First visit JS, gzip', unit: 'KB', better: 'lower', ours: js, peer: odk, peerName: '@getodk/web-forms entry, without Vue', goal }),
    figure({ label: 'First visit CSS, gzip', unit: 'KB', better: 'lower', ours: css }),
  ];
}
