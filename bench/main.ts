/**
 * `npm run bench`: builds the app and the bench pages, runs every section in
 * headless Chromium and Node, prints one table and writes bench/results.json.
 * A section that fails is reported as not measured, with the reason; it never
 * stops the others and is never given a number it did not measure.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from './lib/browser';
import { describeMachine } from './lib/machine';
import { describeError } from './lib/errors';
import { buildBenchPages } from './lib/pages';
import { judge, renderTable, type Figure } from './lib/report';
import type { BenchContext, Section } from './lib/section';
import { accuracySection } from './measures/accuracy';
import { coldStartSection } from './measures/cold-start';
import { ingestSection } from './measures/ingest';
import { keyingSection } from './measures/keying';
import { keystrokeSection } from './measures/keystroke';
import { lighthouseSection } from './measures/lighthouse';
import { scaleOutSection } from './measures/scale-out';
import { localSection } from './measures/local';
import { progressSection } from './measures/progress';
import { syncSection } from './measures/sync';
import { weightSection } from './measures/weight';

const SECTIONS: readonly Section[] = [weightSection, syncSection, localSection, ingestSection, coldStartSection, accuracySection, lighthouseSection, scaleOutSection, progressSection, keyingSection, keystrokeSection];
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = path.resolve(BENCH_DIR, '..');

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function runSection(section: Section, ctx: BenchContext): Promise<Figure[]> {
  log(`${section.name}...`);
  const started = performance.now();
  try {
    const figures = await section.run(ctx);
    log(`${section.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return figures;
  } catch (error) {
    log(`${section.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return section.notMeasured(`Not measured: ${describeError(error)}`);
  }
}

/** `npm run bench -- --only=sync,local` runs just those sections. */
function chosenSections(argv: readonly string[]): readonly Section[] {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  if (!only) return SECTIONS;
  const unknown = only.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.id).join(', ')}.`);
  return SECTIONS.filter((s) => only.includes(s.id));
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const sections = chosenSections(process.argv.slice(2));
  log('building the app (vite build) and the bench pages');
  // The app is built exactly as `npm run build` builds it: the server serves this dist/.
  const appError = await build({ root: ROOT_DIR, logLevel: 'silent' }).then(() => null, (error: unknown) => describeError(error, 3));
  if (appError) log(`the app did not build: ${appError}`);
  const pages = await buildBenchPages(['pouch', 'sync', 'local']);
  for (const [name, error] of pages.failures) log(`bench page ${name} did not build: ${error}`);
  const browser = await launchBrowser();
  const machine = describeMachine(browser.version());
  const ctx: BenchContext = {
    browser, pagesDir: pages.dir, distDir: path.join(ROOT_DIR, 'dist'), rootDir: ROOT_DIR, log,
    requirePage(name) {
      const error = pages.failures.get(name);
      if (error) throw new Error(`the bench page ${name} did not build: ${error}`);
    },
    requireApp() {
      if (appError) throw new Error(`the app did not build: ${appError}`);
    },
  };
  const figures: Figure[] = [];
  try {
    for (const section of sections) figures.push(...(await runSection(section, ctx)));
  } finally {
    await browser.close();
  }
  const judged = figures.map(judge);
  process.stdout.write(`mesa-intake benchmark, ${date}\n${machine.os}; ${machine.cpuCount} x ${machine.cpus}; Node ${machine.node}; Chromium ${machine.chromium}; load average ${machine.loadAverage} at start\n\n`);
  process.stdout.write(`${renderTable(judged)}\n`);
  await writeFile(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify({ date, machine, figures: judged }, null, 2)}\n`);
  log('wrote bench/results.json');
}

await main();
