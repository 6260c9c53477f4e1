/**
 * The sync peer's server: a CouchDB-compatible endpoint (express-pouchdb over
 * PouchDB's in-memory adapter) on loopback, used only by the benchmark.
 */
import http from 'node:http';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

/** A running CouchDB-compatible server. */
export interface CouchServer {
  url: string;
  /** How many documents database `name` holds now. */
  docCount(name: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts express-pouchdb in its minimal PouchDB-replication mode, with nothing on disk. */
export async function startCouchServer(): Promise<CouchServer> {
  const MemPouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(mapreduce).plugin(replication)
    .defaults({ adapter: 'memory' });
  const app = expressPouchDB(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    docCount: async (name) => (await new MemPouch(name).info()).doc_count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
