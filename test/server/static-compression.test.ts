/** The built app over real HTTP: each file as the brotli or gzip copy the build made, by Accept-Encoding; source maps never. */
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { DATABASES } from './helpers/databases';
import { rawGet } from './helpers/http';
import { useDistDir, useServer } from './helpers/server-suite';

const [sqlite] = DATABASES;

/** Repetitive text, as minified JavaScript is, long enough to be worth compressing. */
const APP_JS = Array.from({ length: 400 }, (_, i) => `export const field${i} = { name: "field${i}", label: "Field ${i}" };`).join('\n');
const INDEX_HTML = `<!doctype html><html><head><title>MESA Intake</title><script type="module" src="/assets/app-3f9a1c.js"></script></head><body>${'<div class="shell"></div>'.repeat(40)}</body></html>`;

describe('static files compressed at build time', () => {
  const { dir: dist } = useDistDir(
    {
      'index.html': INDEX_HTML,
      'assets/app-3f9a1c.js': APP_JS,
      'assets/app-3f9a1c.js.map': JSON.stringify({ version: 3, sources: ['src/app/main.tsx'], mappings: 'AAAA'.repeat(200) }),
      'assets/tiny-1a2b3c.js': 'export{};',
      'icon.png': Buffer.alloc(2048, 7),
    },
    precompressDir,
  );
  const { server } = useServer(sqlite!, { server: { distDir: dist } });

  it('writes .br and .gz beside text files, and none beside images, tiny files or what is not served', () => {
    const made = fs.readdirSync(path.join(dist, 'assets')).sort();
    expect(made).toContain('app-3f9a1c.js.br');
    expect(made).toContain('app-3f9a1c.js.gz');
    expect(made).not.toContain('tiny-1a2b3c.js.br');
    expect(made).not.toContain('app-3f9a1c.js.map.br');
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'icon.png.br'))).toBe(false);
  });

  it('sends brotli to a browser that accepts it, and it decodes to the very file', async () => {
    const answer = await rawGet(server.url, '/assets/app-3f9a1c.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(APP_JS.length / 5);
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(APP_JS);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const answer = await rawGet(server.url, '/assets/app-3f9a1c.js', { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toBe(APP_JS);
  });

  it('sends the plain file to a client that asks for no compression', async () => {
    const answer = await rawGet(server.url, '/assets/app-3f9a1c.js');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe(APP_JS);
  });

  it('sends the plain file when no compressed copy was made', async () => {
    const answer = await rawGet(server.url, '/assets/tiny-1a2b3c.js', { 'accept-encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe('export{};');
  });

  it.each(['/', '/batches/0190a0a0/entry'])('sends the app shell compressed on %s, revalidated each time', async (urlPath) => {
    const answer = await rawGet(server.url, urlPath, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/text\/html/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(INDEX_HTML);
  });

  it.each<Record<string, string>>([{}, { 'accept-encoding': 'br, gzip' }])('never serves a source map (%o)', async (headers) => {
    const answer = await rawGet(server.url, '/assets/app-3f9a1c.js.map', headers);
    expect(answer.status).toBe(404);
    expect(answer.body.toString('utf8')).not.toContain('mappings');
  });
});
