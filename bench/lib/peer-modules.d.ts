/**
 * The little of the peers' APIs the benchmark uses. PouchDB and express-pouchdb
 * ship no type declarations and the benchmark should not pull in @types for them.
 */
declare module 'pouchdb-core' {
  export interface PouchInfo {
    doc_count: number;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_written: number;
    errors: unknown[];
  }
  export interface PouchDatabase {
    info(): Promise<PouchInfo>;
    bulkDocs(docs: object[]): Promise<unknown[]>;
    destroy(): Promise<unknown>;
    replicate: { to(target: string, options?: { batch_size?: number }): Promise<ReplicationResult> };
  }
  export interface PouchStatic {
    new (name: string, options?: object): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: object): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-browser' {
  import PouchDB from 'pouchdb-core';
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  export default function expressPouchDB(
    pouch: PouchStatic,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean; logPath?: string },
  ): RequestListener;
}
