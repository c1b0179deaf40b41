import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './station-store.js';

/** What the diagnosis learns about the station database, without ever writing to it. */
export type DatabaseInspection =
  | { state: 'missing'; file: string }
  | { state: 'unreadable'; file: string; reason: string }
  | {
      state: 'open';
      file: string;
      /** PRAGMA integrity_check: ['ok'] or the problems SQLite found (at most 20). */
      integrity: string[];
      schemaVersion: number;
      fileBytes: number;
      /** page_count × page_size: what the database holds, free pages included. */
      databaseBytes: number;
      freeBytes: number;
      walBytes: number | null;
      backlog: { count: number; bytes: number; oldestCreatedAt: string | null };
    };

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/**
 * Opens `<dataDir>/station.db` read-only (never migrating, never checkpointing), so that a
 * diagnosis is safe while the station runs: in WAL mode a reader does not block the writer.
 */
export function inspectStationDatabase(dataDir: string): DatabaseInspection {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return { state: 'missing', file };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error: unknown) {
    return { state: 'unreadable', file, reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const freePages = db.pragma('freelist_count', { simple: true }) as number;
    const hasTable = (name: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    const schemaVersion = hasTable('schema_migrations')
      ? (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v
      : 0;
    const backlog = hasTable('outbox')
      ? (db
          .prepare(
            "SELECT count(*) AS count, coalesce(sum(byte_length), 0) AS bytes, min(created_at) AS oldest FROM outbox WHERE state IN ('PENDING', 'IN_FLIGHT')",
          )
          .get() as { count: number; bytes: number; oldest: string | null })
      : { count: 0, bytes: 0, oldest: null };
    return {
      state: 'open',
      file,
      integrity,
      schemaVersion,
      fileBytes: fileSize(file) ?? 0,
      databaseBytes: pageCount * pageSize,
      freeBytes: freePages * pageSize,
      walBytes: fileSize(`${file}-wal`),
      backlog: { count: backlog.count, bytes: backlog.bytes, oldestCreatedAt: backlog.oldest },
    };
  } catch (error: unknown) {
    return { state: 'unreadable', file, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
}
