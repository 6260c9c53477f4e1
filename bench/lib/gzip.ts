/** Sizes as they travel: gzip at the highest level, as a precompressing server would serve them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size in bytes of `data`. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

// `import x from "./a.js"`, `import "./a.js"`, `export {x} from "./a.js"`, minified or not;
// dynamic `import("./a.js")` does not match: it is not loaded on first visit.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g;

/** The entry file and every file it loads through relative static imports, transitively. */
export async function staticImportGraph(entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) queue.push(path.resolve(path.dirname(file), match[1] as string));
  }
  return [...seen];
}

/** Sum of the gzip sizes of `files`, each compressed on its own as a server sends it. */
export async function gzipSizeOfFiles(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSize(await readFile(file));
  return total;
}
