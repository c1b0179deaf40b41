import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { StationError } from '../core/station-error.js';
import { checkMigrationList, migrationChecksum } from './migration.js';
import { sqliteNativeBinding } from './native-binding.js';
import type { Migration } from './migration.js';

export type StationDatabase = Database.Database;

export interface OpenOptions {
  file: string;
  migrations: readonly Migration[];
  logger: Logger;
  /** Where pre-migration backups go; default `<dir of file>/backups`. */
  backupDir?: string;
  now?: () => Date;
}

const SQLITE_FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE']);
const SQLITE_CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Turns a better-sqlite3 error into the station's error, naming the file; others pass through. */
export function storeError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (SQLITE_FULL_CODES.has(code)) return new StationError('STORE_FULL', { details: { file, sqlite: code }, cause: error });
  if (SQLITE_CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT')) return corrupt(file, code, error);
  return error;
}

function corrupt(file: string, reason: string, cause?: unknown): StationError {
  return new StationError('STORE_CORRUPT', {
    message: {
      id: `Basis data ${file} rusak (${reason}) dan tidak dibuka. Pulihkan dari cadangan: ktp-station restore FILE_CADANGAN`,
      en: `The database ${file} is damaged (${reason}) and was not opened. Restore a backup: ktp-station restore BACKUP_FILE`,
    },
    details: { file, reason, restore: 'ktp-station restore BACKUP_FILE' },
    cause,
  });
}

/**
 * Opens the station database the only way it is ever opened: WAL with synchronous=FULL (a
 * committed transaction survives a power cut), foreign keys on, a busy timeout, an integrity
 * check before use, and migrations applied forward with each applied one's checksum verified.
 */
export function openStationDatabase({ file, migrations, logger, backupDir, now = () => new Date() }: OpenOptions): StationDatabase {
  checkMigrationList(migrations);
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file) && statSync(file).size > 0;
  const binding = sqliteNativeBinding();
  let db: StationDatabase;
  try {
    db = new Database(file, { fileMustExist: false, ...binding });
  } catch (error: unknown) {
    throw new StationError('STORE_UNAVAILABLE', { details: { file, reason: String(error) }, cause: error });
  }
  try {
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, `quick_check: ${String(check)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows (purged biometrics, superseded drafts) are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db, file, existed, migrations, logger, backupDir ?? join(dirname(file), 'backups'), now);
    return db;
  } catch (error: unknown) {
    db.close();
    throw storeError(error, file);
  }
}

function migrate(
  db: StationDatabase,
  file: string,
  existed: boolean,
  migrations: readonly Migration[],
  logger: Logger,
  backupDir: string,
  now: () => Date,
): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as Array<{ version: number; name: string; checksum: string }>;
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (known === undefined) {
      throw new StationError('STORE_NEWER_THAN_APP', { details: { file, version: row.version, known: migrations.length } });
    }
    if (migrationChecksum(known) !== row.checksum) {
      throw new StationError('STORE_MIGRATION_CHANGED', {
        details: { file, version: row.version, name: row.name, hint: 'an applied migration was edited; ship a new one instead' },
      });
    }
  }
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return;
  if (existed && applied.length > 0) {
    mkdirSync(backupDir, { recursive: true });
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const target = join(backupDir, `${basename(file)}.v${applied.length}.${stamp}.bak`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, target);
    logger.info({ file, backup: target, from: applied.length, to: migrations.length }, 'database backed up before migrating');
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migrationChecksum(migration), now().toISOString());
    })();
    logger.info({ file, version: migration.version, name: migration.name }, 'migration applied');
  }
}
