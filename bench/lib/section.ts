/** One part of the benchmark (weight, sync, local...), run in turn by bench/main.ts. */
import type { Browser } from 'playwright-core';
import type { Figure } from './report';

/** What every section may use: built once per run. */
export interface BenchContext {
  browser: Browser;
  /** The built bench pages (bench/pages), served under /__bench/. */
  pagesDir: string;
  /** Throws, saying why, when bench page `name` did not build. */
  requirePage(name: string): void;
  /** The built app. */
  distDir: string;
  /** Throws, saying why, when the app did not build. */
  requireApp(): void;
  /** Repository root. */
  rootDir: string;
  log(message: string): void;
}

/** A named group of figures. */
export interface Section {
  /** What `--only=` takes: weight, sync, local, ingest, cold-start, accuracy, lighthouse, scale-out, progress, keying, keystroke. */
  id: string;
  name: string;
  run(ctx: BenchContext): Promise<Figure[]>;
  /** The same rows with `ours: null` and the reason, for when `run` failed outright. */
  notMeasured(reason: string): Figure[];
}
