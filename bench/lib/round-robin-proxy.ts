/**
 * A tiny load balancer on loopback: each request goes to the next server in
 * turn, as a round-robin balancer in front of several server processes would
 * send it. It can also lose answers on purpose (the server has done the work,
 * the device never hears of it), so a device's retry lands on another process.
 */
import http from 'node:http';

/** A listening proxy. */
export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream received, in the order given. */
  served(): number[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Called with each request's number (from 1) and path: true drops that answer after the server sent it. */
  loseAnswer?: (requestNumber: number, path: string) => boolean;
}

/** Starts a proxy on 127.0.0.1 in front of `upstreams` (base URLs such as http://127.0.0.1:4000). */
export async function startRoundRobinProxy(upstreams: readonly string[], options: ProxyOptions = {}): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one upstream');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const counts = upstreams.map(() => 0);
  let requests = 0;

  const server = http.createServer((request, reply) => {
    requests += 1;
    const number = requests;
    const index = (number - 1) % upstreams.length;
    counts[index]! += 1;
    const target = new URL(request.url ?? '/', upstreams[index]);
    const forwarded = http.request(target, { method: request.method, headers: request.headers, agent }, (answer) => {
      if (options.loseAnswer?.(number, target.pathname)) {
        // Read the whole answer first: the server finished its work, only the device misses it.
        answer.resume();
        answer.once('end', () => reply.socket?.destroy());
        return;
      }
      reply.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(reply);
    });
    forwarded.once('error', () => reply.socket?.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => [...counts],
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
