import { existsSync, openSync, readdirSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../src-main/store/database.js';
import { storeError } from '../../src-main/store/database.js';
import type { Migration } from '../../src-main/store/migration.js';
import { silentLogger, tempDir } from '../helpers/station.js';

const v1: Migration = { version: 1, name: 'notes', sql: 'CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;' };
const v2: Migration = { version: 2, name: 'note tags', sql: 'ALTER TABLE note ADD COLUMN tag TEXT;' };

describe('station database (real SQLite files)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  function fresh() {
    const t = tempDir('ktp-store-');
    cleanups.push(t.remove);
    return join(t.dir, 'station.db');
  }

  it('opens in WAL with synchronous=FULL and foreign keys on, and applies migrations in order', () => {
    const file = fresh();
    const db = openStationDatabase({ file, migrations: [v1, v2], logger: silentLogger() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'notes' },
      { version: 2, name: 'note tags' },
    ]);
    db.prepare('INSERT INTO note (body, tag) VALUES (?, ?)').run('a', 'b');
    db.close();
  });

  it('backs the database up before migrating an existing one', () => {
    const file = fresh();
    const first = openStationDatabase({ file, migrations: [v1], logger: silentLogger() });
    first.prepare('INSERT INTO note (body) VALUES (?)').run('kept');
    first.close();
    const second = openStationDatabase({ file, migrations: [v1, v2], logger: silentLogger() });
    second.close();
    const backups = readdirSync(join(file, '..', 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^station\.db\.v1\..*\.bak$/);
  });

  it('refuses to start when an applied migration has changed', () => {
    const file = fresh();
    openStationDatabase({ file, migrations: [v1], logger: silentLogger() }).close();
    const edited = { ...v1, sql: `${v1.sql} -- edited` };
    expect(() => openStationDatabase({ file, migrations: [edited], logger: silentLogger() })).toThrow(
      expect.objectContaining({ code: 'STORE_MIGRATION_CHANGED' }) as Error,
    );
  });

  it('refuses a database written by a newer version', () => {
    const file = fresh();
    openStationDatabase({ file, migrations: [v1, v2], logger: silentLogger() }).close();
    expect(() => openStationDatabase({ file, migrations: [v1], logger: silentLogger() })).toThrow(
      expect.objectContaining({ code: 'STORE_NEWER_THAN_APP' }) as Error,
    );
  });

  it('refuses a damaged file, naming it and the restore command', () => {
    const file = fresh();
    const db = openStationDatabase({ file, migrations: [v1], logger: silentLogger() });
    const insert = db.prepare('INSERT INTO note (body) VALUES (?)');
    for (let i = 0; i < 500; i += 1) insert.run(`catatan ${i} `.repeat(20));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    for (let offset = 4096 * 2; offset < size; offset += 4096) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, offset + 8);
    closeSync(fd);
    let caught: unknown;
    try {
      openStationDatabase({ file, migrations: [v1], logger: silentLogger() });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'STORE_CORRUPT', details: { file } });
    expect((caught as { text: { en: string } }).text.en).toContain('ktp-station restore');
  });

  it('turns a full disk into STORE_FULL and keeps earlier rows', () => {
    const file = fresh();
    const db = openStationDatabase({ file, migrations: [v1], logger: silentLogger() });
    db.prepare('INSERT INTO note (body) VALUES (?)').run('earlier');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const big = 'x'.repeat(64 * 1024);
    let caught: unknown;
    try {
      db.transaction(() => {
        for (let i = 0; i < 10; i += 1) db.prepare('INSERT INTO note (body) VALUES (?)').run(big);
      })();
    } catch (error: unknown) {
      caught = storeError(error, file);
    }
    expect(caught).toMatchObject({ code: 'STORE_FULL' });
    expect(db.prepare('SELECT body FROM note').all()).toEqual([{ body: 'earlier' }]);
    db.close();
    expect(existsSync(file)).toBe(true);
  });
});
