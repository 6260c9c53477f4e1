/**
 * The browser's one origin in the network benchmarks: serves the bench pages
 * under /__bench/ and forwards everything else to the server under test, while
 * counting every byte that crosses the browser's sockets. Putting the same hop in
 * front of our server and of the CouchDB peer keeps the comparison fair, and
 * counting at the socket catches headers, chunking and retries alike.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { serveFile } from './static-files';

/** Bytes that crossed the browser's sockets since a `mark()`. */
export interface WireBytes {
  /** Browser to server. */
  up: number;
  /** Server to browser. */
  down: number;
}

/** A running front server. */
export interface FrontServer {
  origin: string;
  /** Starts a new count. */
  mark(): void;
  /** Bytes since the last `mark()`. */
  bytesSinceMark(): WireBytes;
  close(): Promise<void>;
}

function totals(open: ReadonlySet<Socket>, closed: WireBytes): WireBytes {
  let { up, down } = closed;
  for (const s of open) {
    up += s.bytesRead;
    down += s.bytesWritten;
  }
  return { up, down };
}

function forward(upstream: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  const out = http.request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', (error) => res.writeHead(502).end(String(error)));
  req.pipe(out);
}

/** Starts a front server on loopback for `upstream`, serving `pagesDir` under /__bench/. */
export async function startFrontServer(upstream: string, pagesDir: string): Promise<FrontServer> {
  const target = new URL(upstream);
  const root = path.resolve(pagesDir);
  const open = new Set<Socket>();
  const closed: WireBytes = { up: 0, down: 0 };
  let base: WireBytes = { up: 0, down: 0 };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    if (url.pathname.startsWith('/__bench/')) void serveFile(root, url.pathname.slice('/__bench/'.length), res);
    else forward(target, req, res);
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => {
      open.delete(socket);
      closed.up += socket.bytesRead;
      closed.down += socket.bytesWritten;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    origin: `http://127.0.0.1:${port}`,
    mark: () => {
      base = totals(open, closed);
    },
    bytesSinceMark: () => {
      const now = totals(open, closed);
      return { up: now.up - base.up, down: now.down - base.down };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
