/**
 * Where a bundle's bytes come from: each generated segment is credited, through
 * the source map, to its npm package (or to the app's own folder), and each
 * share is gzipped on its own. Shares gzipped apart add up to a little more than
 * the file gzipped whole; they rank what to cut, they are not an invoice.
 */
import { readFile } from 'node:fs/promises';
import { eachMapping, TraceMap, type EachMapping } from '@jridgewell/trace-mapping';
import { gzipSize } from './gzip';

/** Gzip bytes credited to one package or source folder. */
export interface Share {
  origin: string;
  gzipBytes: number;
}

/** `react` from .../node_modules/react/..., `src/app/db` from .../src/app/db/x.ts, `src/app/features/entry` from .../src/app/features/entry/x.tsx. */
function originOf(source: string | null): string {
  if (!source) return '(bundler glue)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1] as string;
  // A feature folder counts on its own: src/app/features as one share would hide which screens weigh.
  const own = /(?:^|\/)(src\/app\/features\/[^/]+|src\/[^/]+(?:\/[^/]+)?)\//.exec(source);
  return own ? (own[1] as string) : source.replace(/^(\.\.\/)+/, '');
}

/** The shares of `jsFile`, largest first, read through `jsFile`.map. */
export async function attributeBundle(jsFile: string): Promise<Share[]> {
  const [code, map] = await Promise.all([readFile(jsFile, 'utf8'), readFile(`${jsFile}.map`, 'utf8')]);
  const lines = code.split('\n');
  const segments: EachMapping[] = [];
  eachMapping(new TraceMap(map), (m) => segments.push(m));
  segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const text = new Map<string, string[]>();
  segments.forEach((segment, i) => {
    const line = lines[segment.generatedLine - 1] ?? '';
    const next = segments[i + 1];
    const end = next && next.generatedLine === segment.generatedLine ? next.generatedColumn : line.length;
    const origin = originOf(segment.source);
    const parts = text.get(origin) ?? [];
    parts.push(line.slice(segment.generatedColumn, end));
    text.set(origin, parts);
  });
  return [...text].map(([origin, parts]) => ({ origin, gzipBytes: gzipSize(parts.join('')) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
