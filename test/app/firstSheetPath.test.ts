/**
 * What a first visit loads before the entry form takes typing (issue 14 item 2):
 * the app behind the first screen (startApp.tsx) and the shell (UnlockedApp.tsx)
 * with their static imports. Code the first sheet does not need is fetched when
 * it is first used; a static import of it from anywhere on that way would put it
 * back on every first visit, which `npm run bench -- --only=weight` measures and
 * this test names the cause of.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(__dirname, '../../src/app');

/** `from './x'` of a static import or re-export (not `import type`, which is erased), or a bare `import './x.css'`. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?'(\.[^']+)'/gm;

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  return ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((file) => existsSync(file) && !file.endsWith('.css')) ?? null;
}

/** Every source file `entries` import statically, themselves included, relative to src/app. */
function staticGraph(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.join(APP, entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolve(file, specifier!);
      if (target) queue.push(target);
    }
  }
  return new Set([...seen].map((file) => path.relative(APP, file)));
}

describe('the way to the first sheet', () => {
  const onTheWay = staticGraph(['startApp.tsx', 'UnlockedApp.tsx']);

  it('holds the screens an advisor passes through to type the first sheet', () => {
    for (const screen of ['features/batches/BatchesScreen.tsx', 'features/batches/NewBatchScreen.tsx', 'features/entry/EntryScreen.tsx', 'features/vault/SetupPassphraseScreen.tsx']) {
      expect(onTheWay).toContain(screen);
    }
  });

  it.each([
    ['the batch review', 'features/batches/ReviewScreen.tsx'],
    ['the backup screen and the backup file format', 'features/vault/BackupScreen.tsx'],
    ['the backup file format', 'backup/envelope.ts'],
    ['the repair of a row set aside', 'db/repair.ts'],
    ['re-queueing a refused record', 'db/requeue.ts'],
    ['storing sheets pulled for a second keyer', 'db/sheetsToVerify.ts'],
  ])('leaves out %s', (_what, file) => {
    expect(onTheWay).not.toContain(file);
  });
});
