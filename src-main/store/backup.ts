import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { StationError } from '../core/station-error.js';
import { DATABASE_FILE } from './station-store.js';

/** What a backup says about itself (kept in a table inside the backup file). */
export interface BackupInfo {
  stationId: string;
  createdAt: string;
  schemaVersion: number;
  /** SHA-256 of the station's data key file: the key that opens the sealed images inside. */
  keyFingerprint: string | null;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on every platform (Windows); the rename still stands.
  }
}

/**
 * An online backup of the station database (SQLite's backup API: consistent while the station
 * keeps writing). Sealed images stay sealed. Written to a temporary name, fsynced, then renamed.
 */
export async function backupDatabase(options: { dataDir: string; out: string; info: Omit<BackupInfo, 'schemaVersion'> }): Promise<BackupInfo> {
  const source = join(options.dataDir, DATABASE_FILE);
  if (!existsSync(source)) {
    throw new StationError('NOT_FOUND', {
      message: { id: `Tidak ada basis data di ${source}.`, en: `There is no database at ${source}.` },
      details: { file: source },
    });
  }
  mkdirSync(dirname(options.out), { recursive: true });
  const temp = join(dirname(options.out), `.${basename(options.out)}.partial`);
  rmSync(temp, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  let schemaVersion: number;
  try {
    schemaVersion = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    await db.backup(temp);
  } finally {
    db.close();
  }
  const info: BackupInfo = { ...options.info, schemaVersion };
  const copy = new Database(temp);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.exec('CREATE TABLE backup_info (station_id TEXT NOT NULL, created_at TEXT NOT NULL, schema_version INTEGER NOT NULL, key_fingerprint TEXT) STRICT');
    copy.prepare('INSERT INTO backup_info VALUES (?, ?, ?, ?)').run(info.stationId, info.createdAt, info.schemaVersion, info.keyFingerprint);
  } finally {
    copy.close();
  }
  fsyncFile(temp);
  renameSync(temp, options.out);
  fsyncDir(dirname(options.out));
  return info;
}

function notABackup(file: string, reason: string, cause?: unknown): StationError {
  return new StationError('NOT_A_BACKUP', {
    message: {
      id: `${file} bukan cadangan KTP Station yang utuh (${reason}). Pilih berkas dari \`ktp-station backup\`.`,
      en: `${file} is not an intact KTP Station backup (${reason}). Choose a file made by \`ktp-station backup\`.`,
    },
    details: { file, reason },
    cause,
  });
}

/** Reads a backup's own description, refusing anything that is not an intact station backup. */
export function inspectBackup(file: string): BackupInfo {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error: unknown) {
    throw notABackup(file, 'cannot be opened', error);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw notABackup(file, `integrity_check: ${String(check)}`);
    const row = db.prepare('SELECT station_id, created_at, schema_version, key_fingerprint FROM backup_info').get() as
      | { station_id: string; created_at: string; schema_version: number; key_fingerprint: string | null }
      | undefined;
    if (row === undefined) throw notABackup(file, 'no backup_info');
    return { stationId: row.station_id, createdAt: row.created_at, schemaVersion: row.schema_version, keyFingerprint: row.key_fingerprint };
  } catch (error: unknown) {
    if (error instanceof StationError) throw error;
    throw notABackup(file, 'not a station database', error);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the station database. The current database (and its WAL) is moved
 * aside first, never deleted. The caller has checked that the station is not running.
 */
export function restoreDatabase(options: { dataDir: string; file: string; now: Date }): { movedAside: string | null } {
  const target = join(options.dataDir, DATABASE_FILE);
  const staging = `${target}.restoring`;
  mkdirSync(options.dataDir, { recursive: true });
  copyFileSync(options.file, staging);
  const db = new Database(staging);
  try {
    db.exec('DROP TABLE backup_info');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  fsyncFile(staging);
  let movedAside: string | null = null;
  if (existsSync(target)) {
    const asideDir = join(options.dataDir, 'backups');
    mkdirSync(asideDir, { recursive: true });
    movedAside = join(asideDir, `${DATABASE_FILE}.before-restore.${options.now.toISOString().replace(/[:.]/g, '-')}`);
    renameSync(target, movedAside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, movedAside + suffix);
    }
  }
  renameSync(staging, target);
  fsyncDir(options.dataDir);
  return { movedAside };
}
