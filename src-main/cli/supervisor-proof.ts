import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { DEFAULT_SESSION_CONFIG } from '../core/config/schema.js';
import { StationError } from '../core/station-error.js';
import { AccountService } from '../security/accounts.js';
import { DATABASE_FILE, openStationStore } from '../store/station-store.js';

/** The password from $KTP_SUPERVISOR_PASSWORD, else the first line of stdin (a pipe or the terminal). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env['KTP_SUPERVISOR_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Kata sandi supervisor / supervisor password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/**
 * Re-authentication on the command line (restore): on a station with accounts, a supervisor
 * names themselves with --supervisor and types their password; a wrong one counts toward the
 * lockout like a sign-in. Returns who confirmed, or null on a station without accounts (training).
 */
export async function confirmSupervisor(
  dataDir: string,
  username: string | undefined,
  action: string,
  backupFile?: string,
): Promise<string | null> {
  let store;
  let scratch: string | null = null;
  try {
    store = openStationStore(dataDir, pino({ level: 'silent' }));
  } catch (error: unknown) {
    // The database to replace is damaged or missing: the accounts to ask are the backup's,
    // checked on a scratch copy so that the backup file itself stays untouched.
    if (backupFile === undefined || !(error instanceof StationError) || !error.code.startsWith('STORE_')) throw error;
    scratch = mkdtempSync(join(tmpdir(), 'ktp-restore-check-'));
    copyFileSync(backupFile, join(scratch, DATABASE_FILE));
    store = openStationStore(scratch, pino({ level: 'silent' }));
  }
  try {
    if (store.accounts.count() === 0) return null;
    if (username === undefined) {
      throw new StationError('REAUTH_REQUIRED', {
        message: {
          id: `${action} perlu konfirmasi supervisor: tambahkan --supervisor NAMA dan ketik kata sandinya (atau KTP_SUPERVISOR_PASSWORD).`,
          en: `${action} needs a supervisor's confirmation: add --supervisor NAME and type their password (or set KTP_SUPERVISOR_PASSWORD).`,
        },
        details: { action },
      });
    }
    const accounts = new AccountService(store, DEFAULT_SESSION_CONFIG);
    const row = accounts.byUsername(username.trim().toLowerCase());
    if (row?.role !== 'supervisor') {
      throw new StationError('FORBIDDEN_ROLE', { details: { action, username, hint: 'only a supervisor account may confirm this' } });
    }
    await accounts.confirm(row.username, await readPassword(), 'cli', 'reauth');
    return row.username;
  } finally {
    store.close();
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

/** One audit entry written by a CLI command into the station database (its own transaction). */
export function auditFromCli(dataDir: string, entry: { actor: string; role: string; action: string; subject: string | null; details: Record<string, unknown> }): void {
  const store = openStationStore(dataDir, pino({ level: 'silent' }));
  try {
    store.transaction(() => store.audit.append({ ...entry, at: new Date().toISOString() }));
  } finally {
    store.close();
  }
}
