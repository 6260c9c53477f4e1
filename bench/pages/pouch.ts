/**
 * The sync peer, in the browser: PouchDB (IndexedDB adapter) holding the same
 * application records as our outbox, replicated to a CouchDB-compatible server.
 * Documents carry the same fields our mutation carries, so both move the same data.
 */
import PouchDB from 'pouchdb-browser';
import type { PouchDatabase } from 'pouchdb-core';
import type { PouchBench } from './bench-api';

let local: PouchDatabase | null = null;

const pouchBench: PouchBench = {
  async load(records) {
    local = new PouchDB(`bench-${Date.now()}`);
    const confirmedAt = new Date().toISOString();
    await local.bulkDocs(records.map((r) => ({
      _id: r.id, type: 'application', studentId: r.studentId, version: 1, status: 'confirmed', confirmedAt,
      ssidSource: r.fields.ssidSource || null, application: r.fields,
    })));
  },
  async replicate(remoteUrl) {
    if (!local) throw new Error('load() first');
    const start = performance.now();
    const result = await local.replicate.to(remoteUrl);
    return { wallMs: performance.now() - start, written: result.docs_written };
  },
};

window.pouchBench = pouchBench;
