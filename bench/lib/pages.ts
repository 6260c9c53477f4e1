/**
 * Builds the bench pages (bench/pages/*.html) with Vite into a temporary folder,
 * production-minified like the app, so a page runs the same code the app ships.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

/** Builds the named pages (file names without .html) and returns the output folder. */
export async function buildBenchPages(names: readonly string[]): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-pages-'));
  const available = new Set((await readdir(PAGES_DIR)).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)));
  const input = Object.fromEntries(names.filter((n) => available.has(n)).map((n) => [n, path.join(PAGES_DIR, `${n}.html`)]));
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: '/__bench/',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input } },
  });
  return outDir;
}

/** Bundles one module entry as the browser would load it (minified, all dependencies in) and returns the output folder. */
export async function bundleModule(entry: string, name: string): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), `mesa-bench-${name}-`));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, lib: { entry, formats: ['es'], fileName: name } },
  });
  return outDir;
}
