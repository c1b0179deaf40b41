import type { Migration } from '../migration.js';

/**
 * Operator accounts of a production station: one row per person, a scrypt hash per password
 * (its own salt inside), the lockout counters, and whether a supervisor disabled it. Accounts
 * are never deleted, so the audit log's actors always resolve.
 */
export const accounts005: Migration = {
  version: 5,
  name: 'accounts',
  sql: `
CREATE TABLE account (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 32),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  role TEXT NOT NULL CHECK (role IN ('operator','printer','technician','supervisor')),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
  locked_until TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  last_sign_in_at TEXT
) STRICT;
CREATE TRIGGER account_no_delete BEFORE DELETE ON account BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END;
`,
};
