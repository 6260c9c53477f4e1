/**
 * Lighthouse (mobile preset: simulated slow 4G, 4x CPU) on a first visit to the
 * real server, as `npm start` runs it. The peer in the same run is the same
 * build served without its compressed copies: what the wire carried before the
 * build made them.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../lib/browser';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';

/** The figures taken from one Lighthouse report. */
export interface LighthouseScores {
  /** 0 to 100. */
  performance: number;
  fcpMs: number;
  lcpMs: number;
  /** Bytes as transferred, headers and compression included. */
  transferredBytes: number;
  /** The same responses' bodies as decoded: what they would weigh uncompressed. */
  decodedBytes: number;
}

/** The parts of a Lighthouse result read here. */
export interface LighthouseResultLike {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
}

function numeric(result: LighthouseResultLike, audit: string): number {
  const value = result.audits[audit]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse reported no ${audit}`);
  return value;
}

/** Reads the scores from a Lighthouse result; throws, naming it, when one is missing. */
export function scoresOf(result: LighthouseResultLike): LighthouseScores {
  const score = result.categories.performance?.score;
  if (score === null || score === undefined) throw new Error('Lighthouse gave no performance score');
  const details = result.audits['network-requests']?.details as { items?: { resourceSize?: number }[] } | undefined;
  return {
    performance: Math.round(score * 100),
    fcpMs: numeric(result, 'first-contentful-paint'),
    lcpMs: numeric(result, 'largest-contentful-paint'),
    transferredBytes: numeric(result, 'total-byte-weight'),
    decodedBytes: (details?.items ?? []).reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
  };
}

/** Flags of the brief: Lighthouse's own Chromium, headless, in this sandbox. */
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One Lighthouse run, performance only, against `url`. */
async function runLighthouse(url: string): Promise<LighthouseScores> {
  const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!run) throw new Error('Lighthouse returned no result');
    if (run.lhr.runtimeError) throw new Error(`Lighthouse: ${run.lhr.runtimeError.message}`);
    return scoresOf(run.lhr as unknown as LighthouseResultLike);
  } finally {
    chrome.kill();
  }
}

/** A copy of `distDir` without the .br and .gz files: the build as served before it precompressed. */
async function uncompressedCopy(distDir: string): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'mesa-dist-plain-'));
  await cp(distDir, copy, { recursive: true });
  const entries = await readdir(copy, { withFileTypes: true, recursive: true });
  await Promise.all(entries.filter((e) => e.isFile() && /\.(br|gz)$/.test(e.name)).map((e) => rm(path.join(e.parentPath, e.name))));
  return copy;
}

/** Starts the server on `distDir` and runs Lighthouse on its first page. */
async function measure(rootDir: string, distDir: string): Promise<LighthouseScores> {
  const server = await startServerProcess(rootDir, { env: { DIST_DIR: distDir } });
  try {
    return await runLighthouse(`${server.url}/`);
  } finally {
    await server.stop();
  }
}

const KIB = 1024;
const PEER = 'same build, uncompressed';

function rows(ours: LighthouseScores | null, peer: LighthouseScores | null, note: string | null): Figure[] {
  return [
    figure({ label: 'Lighthouse performance (mobile)', unit: 'pts', better: 'higher', ours: ours?.performance ?? null, peer: peer?.performance ?? null, peerName: PEER, goal: { on: 'ours', atLeast: 100 }, note }),
    figure({ label: 'Lighthouse first contentful paint', unit: 's', better: 'lower', ours: ours ? ours.fcpMs / 1000 : null, peer: peer ? peer.fcpMs / 1000 : null, peerName: PEER }),
    figure({ label: 'Lighthouse largest contentful paint', unit: 's', better: 'lower', ours: ours ? ours.lcpMs / 1000 : null, peer: peer ? peer.lcpMs / 1000 : null, peerName: PEER, goal: { on: 'ours', atMost: 1.5 } }),
    figure({ label: 'First visit bytes transferred (Lighthouse)', unit: 'KiB', better: 'lower', ours: ours ? ours.transferredBytes / KIB : null, peer: peer ? peer.transferredBytes / KIB : null, peerName: PEER }),
  ];
}

/** Lighthouse figures: ours against the same build served uncompressed. */
export const lighthouseSection: Section = {
  id: 'lighthouse',
  name: 'Lighthouse',
  async run(ctx) {
    ctx.requireApp();
    const ours = await measure(ctx.rootDir, ctx.distDir);
    const plainDir = await uncompressedCopy(ctx.distDir);
    let peer: LighthouseScores;
    try {
      peer = await measure(ctx.rootDir, plainDir);
    } finally {
      await rm(plainDir, { recursive: true, force: true });
    }
    const note = `Mobile preset (simulated slow 4G, 4x CPU), performance only, on a fresh server process. The same responses decoded weigh ${(ours.decodedBytes / KIB).toFixed(0)} KiB.`;
    return rows(ours, peer, note);
  },
  notMeasured: (reason) => rows(null, null, reason),
};
