import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_CONFIG } from '../../src-main/core/config/schema.js';
import { AccountService } from '../../src-main/security/accounts.js';
import { openStationStore } from '../../src-main/store/station-store.js';
import { assertBuilt, runCli } from '../helpers/cli.js';
import { silentLogger, tempDir } from '../helpers/station.js';

/** Restore is a sensitive action: on a station with accounts the real CLI asks a supervisor's password. */
let home: { dir: string; remove: () => void };
const dataDir = () => join(home.dir, 'training');
const env = (extra: Record<string, string> = {}) => ({ KTP_STATION_HOME: home.dir, ...extra });
const backupFile = () => join(home.dir, 'cadangan.db');

beforeAll(async () => {
  assertBuilt();
  home = tempDir('ktp-restore-reauth-');
  const store = openStationStore(dataDir(), silentLogger());
  await new AccountService(store, DEFAULT_SESSION_CONFIG).createFirstSupervisor(
    { username: 'kepala.seksi', displayName: 'Kepala Seksi', password: 'Sandi-Kuat-2026' },
    'cli',
  );
  store.close();
  expect(runCli(['backup', '--out', backupFile()], env()).status).toBe(0);
});
afterAll(() => home.remove());

function actions(): string[] {
  const db = new Database(join(dataDir(), 'station.db'), { readonly: true });
  const rows = db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>;
  db.close();
  return rows.map((r) => r.action);
}

describe('restore needs a supervisor', () => {
  it('refuses without --supervisor (REAUTH_REQUIRED) and with a wrong password (SIGN_IN_FAILED), leaving the database in place', () => {
    const without = runCli(['restore', backupFile()], env());
    expect(without.status).not.toBe(0);
    expect(without.stderr).toContain('REAUTH_REQUIRED');
    const wrong = runCli(['restore', backupFile(), '--supervisor', 'kepala.seksi'], env({ KTP_SUPERVISOR_PASSWORD: 'salah-sekali-1' }));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('SIGN_IN_FAILED');
    expect(actions()).toEqual(['ACCOUNT_CREATED', 'BACKUP_CREATED', 'LOGIN_FAILED']);
  });

  it('restores with the right password and audits who did it in the restored database', () => {
    const result = runCli(['restore', backupFile(), '--supervisor', 'kepala.seksi'], env({ KTP_SUPERVISOR_PASSWORD: 'Sandi-Kuat-2026' }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The backup was taken before its own BACKUP_CREATED entry; the restore is recorded on top.
    expect(actions()).toEqual(['ACCOUNT_CREATED', 'RESTORED']);
    expect(runCli(['audit', 'verify'], env()).status).toBe(0);
  });
});
