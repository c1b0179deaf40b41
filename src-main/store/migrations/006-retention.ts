import type { Migration } from '../migration.js';

/**
 * Retention: which records had their biometric bytes deleted from the station (after central
 * accepted them and the grace period passed). The capture rows stay with their quality, size and
 * SHA-256, their sealed bytes emptied; the resident data stays.
 */
export const retention006: Migration = {
  version: 6,
  name: 'retention',
  sql: `
CREATE TABLE biometric_purge (
  enrollment_id TEXT PRIMARY KEY REFERENCES enrollment (id),
  accepted_at TEXT NOT NULL,
  purged_at TEXT NOT NULL,
  captures INTEGER NOT NULL CHECK (captures >= 0),
  bytes INTEGER NOT NULL CHECK (bytes >= 0)
) STRICT;
`,
};
