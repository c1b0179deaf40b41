import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openStationDatabase, storeError } from './database.js';
import type { StationDatabase } from './database.js';
import { AccountRepository } from './account-repository.js';
import { AuditRepository } from './audit-repository.js';
import { EnrollmentRepository } from './enrollment-repository.js';
import { stationMigrations } from './migrations/index.js';
import { OutboxRepository } from './outbox-repository.js';
import { RetentionRepository } from './retention-repository.js';
import { SyncRepository } from './sync-repository.js';
import { printDeskStore } from './print/print-desk-store.js';
import type { PrintDeskStore } from './print/print-desk-store.js';

/** The station's store: the database file and the repositories over it. Only store/ runs SQL. */
export interface StationStore {
  readonly file: string;
  readonly enrollments: EnrollmentRepository;
  readonly outbox: OutboxRepository;
  readonly audit: AuditRepository;
  readonly sync: SyncRepository;
  readonly printDesk: PrintDeskStore;
  readonly accounts: AccountRepository;
  readonly retention: RetentionRepository;
  /**
   * Runs `work` in one transaction: all of it commits, or none of it (it rolls back on any
   * throw). SQLite failures come out as station errors (STORE_FULL, STORE_CORRUPT).
   */
  transaction<T>(work: () => T): T;
  /** Integrity, sizes: for diagnostics. */
  health(): { file: string; pageCount: number; pageSize: number; walBytes: number | null };
  /**
   * Caps the database file (SQLite max_page_count): past it a write fails with STORE_FULL exactly
   * as on a full disk, leaving room on the disk for logs and the OS. Null lifts the cap.
   */
  setSizeLimit(bytes: number | null): void;
  /** PRAGMA integrity_check: 'ok', or the problems SQLite found. */
  integrityCheck(): string[];
  close(): void;
}

export const DATABASE_FILE = 'station.db';

export function openStationStore(dataDir: string, logger: Logger): StationStore {
  const file = join(dataDir, DATABASE_FILE);
  const db: StationDatabase = openStationDatabase({ file, migrations: stationMigrations, logger });
  return {
    file,
    enrollments: new EnrollmentRepository(db),
    outbox: new OutboxRepository(db),
    audit: new AuditRepository(db),
    sync: new SyncRepository(db),
    printDesk: printDeskStore(db),
    accounts: new AccountRepository(db),
    retention: new RetentionRepository(db),
    transaction<T>(work: () => T): T {
      try {
        return db.transaction(work).immediate();
      } catch (error: unknown) {
        throw storeError(error, file);
      }
    },
    health() {
      const pageCount = db.pragma('page_count', { simple: true }) as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      let walBytes: number | null = null;
      try {
        walBytes = statSync(`${file}-wal`).size;
      } catch {
        walBytes = null;
      }
      return { file, pageCount, pageSize, walBytes };
    },
    setSizeLimit(bytes) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const pages = bytes === null ? 4294967294 : Math.max(1, Math.floor(bytes / pageSize));
      db.pragma(`max_page_count = ${pages}`);
    },
    integrityCheck() {
      return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    },
    close() {
      db.close();
    },
  };
}
