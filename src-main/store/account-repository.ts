import type { Role } from '../contract/roles.js';
import type { StationDatabase } from './database.js';

/** One account as stored. */
export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  failedSignIns: number;
  lockedUntil: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  passwordChangedAt: string;
  lastSignInAt: string | null;
}

interface AccountSqlRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_sign_ins: number;
  locked_until: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  password_changed_at: string;
  last_sign_in_at: string | null;
}

function fromSql(row: AccountSqlRow): AccountRow {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** The accounts table's SQL. Writes run inside the caller's transaction, with their audit entry. */
export class AccountRepository {
  constructor(private readonly db: StationDatabase) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM account').get() as { n: number }).n;
  }

  byUsername(username: string): AccountRow | null {
    const row = this.db.prepare('SELECT * FROM account WHERE username = ?').get(username) as AccountSqlRow | undefined;
    return row === undefined ? null : fromSql(row);
  }

  byId(id: string): AccountRow | null {
    const row = this.db.prepare('SELECT * FROM account WHERE id = ?').get(id) as AccountSqlRow | undefined;
    return row === undefined ? null : fromSql(row);
  }

  list(): AccountRow[] {
    return (this.db.prepare('SELECT * FROM account ORDER BY username').all() as AccountSqlRow[]).map(fromSql);
  }

  insert(row: AccountRow): void {
    this.db
      .prepare(
        `INSERT INTO account (id, username, display_name, role, password_hash, must_change_password, disabled, failed_sign_ins,
           locked_until, created_at, created_by, updated_at, password_changed_at, last_sign_in_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.username,
        row.displayName,
        row.role,
        row.passwordHash,
        row.mustChangePassword ? 1 : 0,
        row.disabled ? 1 : 0,
        row.failedSignIns,
        row.lockedUntil,
        row.createdAt,
        row.createdBy,
        row.updatedAt,
        row.passwordChangedAt,
        row.lastSignInAt,
      );
  }

  recordFailure(id: string, failedSignIns: number, lockedUntil: string | null, at: string): void {
    this.db
      .prepare('UPDATE account SET failed_sign_ins = ?, locked_until = ?, updated_at = ? WHERE id = ?')
      .run(failedSignIns, lockedUntil, at, id);
  }

  recordSignIn(id: string, at: string): void {
    this.db
      .prepare('UPDATE account SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?')
      .run(at, at, id);
  }

  setPassword(id: string, passwordHash: string, mustChange: boolean, at: string): void {
    this.db
      .prepare(
        `UPDATE account SET password_hash = ?, must_change_password = ?, failed_sign_ins = 0, locked_until = NULL,
           password_changed_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(passwordHash, mustChange ? 1 : 0, at, at, id);
  }

  setDisabled(id: string, disabled: boolean, at: string): void {
    this.db.prepare('UPDATE account SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, at, id);
  }
}
