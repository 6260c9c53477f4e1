import http from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFrontServer, type FrontServer } from '../../bench/lib/front-server';

describe('the byte-counting front server', () => {
  const answer = 'x'.repeat(10_000);
  let upstream: http.Server;
  let front: FrontServer;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(answer));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const pages = await mkdtemp(path.join(os.tmpdir(), 'front-test-'));
    await writeFile(path.join(pages, 'page.html'), '<p>bench</p>');
    front = await startFrontServer(`http://127.0.0.1:${(upstream.address() as { port: number }).port}`, pages);
  });

  afterAll(async () => {
    await front.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('serves the bench pages under /__bench/', async () => {
    const res = await fetch(`${front.origin}/__bench/page.html`);
    expect(await res.text()).toBe('<p>bench</p>');
  });

  it('forwards everything else to the server under test', async () => {
    const res = await fetch(`${front.origin}/api/anything`);
    expect(await res.text()).toBe(answer);
  });

  it('counts at least every body byte each way since the mark, headers included', async () => {
    front.mark();
    const body = 'y'.repeat(5_000);
    await (await fetch(`${front.origin}/api/push`, { method: 'POST', body })).text();
    const bytes = front.bytesSinceMark();
    expect(bytes.up).toBeGreaterThan(body.length);
    expect(bytes.down).toBeGreaterThan(answer.length);
    expect(bytes.down).toBeLessThan(answer.length + 1_000);
  });
});
