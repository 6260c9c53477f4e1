/** Serving files from a folder, for the bench's own small HTTP servers. */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Answers with the file at `urlPath` under `root`, uncompressed (the bench gzips sizes itself). */
export async function serveFile(root: string, urlPath: string, res: http.ServerResponse): Promise<void> {
  const file = path.join(root, path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch (error) {
    res.writeHead(404).end(String(error));
  }
}

/** A running static server. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` at `base` on loopback; paths without a file extension get
 * index.html, as an SPA host does.
 */
export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
  const dir = path.resolve(root);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://static');
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    const file = pathname.slice(base.length - 1);
    void serveFile(dir, path.extname(file) ? file : '/index.html', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
