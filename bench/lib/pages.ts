/**
 * Builds the bench pages (bench/pages/*.html) with Vite into a temporary folder,
 * production-minified like the app, so a page runs the same code the app ships.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describeError } from './errors';

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

/** The built pages, and why any page did not build. */
export interface BuiltPages {
  dir: string;
  failures: Map<string, string>;
}

/**
 * Builds each named page (file name without .html) on its own into one folder,
 * so a page whose app modules do not build stops only the figures that need it.
 */
export async function buildBenchPages(names: readonly string[]): Promise<BuiltPages> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-pages-'));
  const failures = new Map<string, string>();
  for (const name of names) {
    try {
      await build({
        configFile: false,
        root: PAGES_DIR,
        base: '/__bench/',
        logLevel: 'silent',
        build: { outDir: dir, emptyOutDir: false, rollupOptions: { input: { [name]: path.join(PAGES_DIR, `${name}.html`) } } },
      });
    } catch (error) {
      // A build error's first lines name the module that broke.
      failures.set(name, describeError(error, 3));
    }
  }
  return { dir, failures };
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
