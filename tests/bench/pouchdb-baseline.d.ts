// The few PouchDB / express-pouchdb calls the sync bench's baseline makes (neither ships types).
declare module 'pouchdb-node' {
  interface PouchAttachment {
    content_type: string;
    data: Buffer;
  }
  interface PouchDoc {
    _id: string;
    _attachments?: Record<string, PouchAttachment>;
    [field: string]: unknown;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_written: number;
    doc_write_failures: number;
  }
  interface PouchDatabase {
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    info(): Promise<{ doc_count: number }>;
    replicate: { to(target: string, options?: { batch_size?: number }): Promise<ReplicationResult> };
    destroy(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  /** An express app: a plain Node request listener. */
  export default function expressPouchdb(
    db: unknown,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean; logPath?: string },
  ): (req: IncomingMessage, res: ServerResponse) => void;
}
