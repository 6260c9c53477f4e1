/**
 * A small fault-injecting HTTP proxy for the fault suite: it sits between the
 * real sync client and the real server and, per request, passes it through,
 * drops the answer after the server committed, answers 500, hangs, replays the
 * request many times at once, or plays a slow link. Nothing in it knows the API.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  | { kind: 'pass' }
  /** Forwards, reads the server's whole answer (so it committed), then destroys the client's socket. */
  | { kind: 'drop-response' }
  /** Answers `status` with an HTML body; with `forward` the server gets (and commits) the request first. */
  | { kind: 'status'; status: number; forward: boolean }
  /** Never answers; with `forward` the server gets the request first. The client must time out. */
  | { kind: 'hang'; forward: boolean }
  /** Sends the same request `times` times at once upstream and relays the first answer. */
  | { kind: 'replay'; times: number }
  /** Adds `latencyMs` each way and throttles both directions to `bytesPerSecond`. */
  | { kind: 'slow'; latencyMs: number; bytesPerSecond: number };

/** What a rule sees of a request. */
export interface ProxiedRequest {
  method: string;
  path: string;
}

/** A running proxy. */
export interface FaultProxy {
  url: string;
  /** Decides each request's fault from now on (default: pass everything). */
  setRule(rule: (request: ProxiedRequest) => Fault): void;
  /** Called when a request's body has been handed to the server in full, and when the server's answer is in. */
  watch(listener: ((request: ProxiedRequest, stage: 'forwarded' | 'answered') => void) | null): void;
  /** Points the proxy at another server (after a restart on a new port). */
  setUpstream(url: string): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes `data` to `target` in small chunks paced to `bytesPerSecond`. */
async function writeThrottled(target: NodeJS.WritableStream, data: Buffer, bytesPerSecond: number): Promise<void> {
  const chunk = Math.max(512, Math.floor(bytesPerSecond / 20));
  for (let offset = 0; offset < data.length; offset += chunk) {
    target.write(data.subarray(offset, offset + chunk));
    await sleep((Math.min(chunk, data.length - offset) / bytesPerSecond) * 1000);
  }
}

function describe(incoming: http.IncomingMessage): ProxiedRequest {
  return { method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0] ?? '/' };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Starts a proxy in front of `upstreamUrl` on a free loopback port. */
export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let upstream = new URL(upstreamUrl);
  let rule: (request: ProxiedRequest) => Fault = () => ({ kind: 'pass' });
  let watcher: ((request: ProxiedRequest, stage: 'forwarded' | 'answered') => void) | null = null;
  const sockets = new Set<Socket>();

  /** Sends the request to the server and reads its whole answer. */
  function forward(incoming: http.IncomingMessage, body: Buffer, throttle?: number): Promise<Upstream> {
    const request = describe(incoming);
    return new Promise((resolve, reject) => {
      const headers = { ...incoming.headers, host: upstream.host, 'content-length': String(body.length) };
      const out = http.request(
        { hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers, agent: false },
        (answer) => {
          readAll(answer).then((data) => {
            watcher?.(request, 'answered');
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data });
          }, reject);
        },
      );
      out.on('error', reject);
      const sent = throttle === undefined ? Promise.resolve(out.write(body)) : writeThrottled(out, body, throttle);
      sent.then(
        () => {
          out.end();
          watcher?.(request, 'forwarded');
        },
        reject,
      );
    });
  }

  function relayHeaders(answer: Upstream): http.OutgoingHttpHeaders {
    // The body was read in full, so its length is known; hop-by-hop headers stay behind.
    const headers: http.OutgoingHttpHeaders = { ...answer.headers, 'content-length': String(answer.body.length) };
    for (const hopByHop of ['connection', 'transfer-encoding', 'keep-alive']) delete headers[hopByHop];
    return headers;
  }

  async function handle(incoming: http.IncomingMessage, reply: http.ServerResponse): Promise<void> {
    const request = describe(incoming);
    const fault = rule(request);
    const body = await readAll(incoming);
    switch (fault.kind) {
      case 'pass': {
        const answer = await forward(incoming, body);
        reply.writeHead(answer.status, relayHeaders(answer)).end(answer.body);
        return;
      }
      case 'drop-response':
        await forward(incoming, body);
        incoming.socket.destroy();
        return;
      case 'status':
        if (fault.forward) await forward(incoming, body);
        reply.writeHead(fault.status, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
        return;
      case 'hang':
        if (fault.forward) await forward(incoming, body);
        // The client gives up; its socket closes and is forgotten with it.
        return;
      case 'replay': {
        const answers = await Promise.all(Array.from({ length: fault.times }, () => forward(incoming, body)));
        const first = answers[0]!;
        reply.writeHead(first.status, relayHeaders(first)).end(first.body);
        return;
      }
      case 'slow': {
        await sleep(fault.latencyMs);
        const answer = await forward(incoming, body, fault.bytesPerSecond);
        await sleep(fault.latencyMs);
        reply.writeHead(answer.status, relayHeaders(answer));
        await writeThrottled(reply, answer.body, fault.bytesPerSecond);
        reply.end();
        return;
      }
    }
  }

  const server = http.createServer((incoming, reply) => {
    handle(incoming, reply).catch((error: unknown) => {
      // The server went away (killed on purpose): the client sees a dropped connection.
      if (!reply.headersSent) reply.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
      else incoming.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setRule: (next) => {
      rule = next;
    },
    watch: (listener) => {
      watcher = listener;
    },
    setUpstream: (url) => {
      upstream = new URL(url);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
