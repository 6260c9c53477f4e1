/** The API routes a built server has, read from Fastify, so suites can require a case for each. */
import type { FastifyInstance } from 'fastify';

/** Every route as "METHOD /path/:param", HEAD left out (Fastify adds it to each GET). */
export function apiRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m !== '' && m !== 'HEAD')) routes.push(`${method} ${stack.join('')}`);
  }
  return routes.filter((route) => route.split(' ')[1]!.startsWith('/api/')).sort();
}
