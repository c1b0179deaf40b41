import type { Migration } from '../migration.js';

/**
 * The central emulator's own database (not the station's): stations and their pinned signing
 * keys, records with their content hash and SIAK status, the status feed, what the print desk
 * needs of a print-ready record, print results, and a receipt log that makes duplicates countable.
 */
export const centralMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'central: stations, records, status feed, print material, print results, receipts',
    sql: `
CREATE TABLE station (
  id TEXT PRIMARY KEY,
  credential_sha256 TEXT NOT NULL,
  regency_code TEXT,
  signing_key_pem TEXT,
  signing_key_id TEXT,
  pinned_at TEXT
) STRICT;

CREATE TABLE record (
  id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES station (id),
  registration_no TEXT NOT NULL,
  regency_code TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  packet_sha256 TEXT NOT NULL,
  packet_bytes INTEGER NOT NULL,
  committed_at TEXT NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT,
  reason_detail TEXT,
  packet_received INTEGER NOT NULL DEFAULT 0,
  nik TEXT,
  capture_summary TEXT,
  received_seq INTEGER,
  received_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX record_by_station ON record (station_id, id);
CREATE INDEX record_by_nik ON record (nik);
CREATE INDEX record_by_status ON record (status, received_at);
CREATE UNIQUE INDEX record_by_received_seq ON record (received_seq);

CREATE TABLE status_event (
  cursor INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id TEXT NOT NULL,
  enrollment_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  regency_code TEXT NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT,
  reason_detail TEXT,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX status_event_by_station ON status_event (station_id, cursor);
CREATE INDEX status_event_by_regency ON status_event (regency_code, status, cursor);

CREATE TABLE print_material (
  enrollment_id TEXT PRIMARY KEY REFERENCES record (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  nik TEXT NOT NULL,
  demographics TEXT NOT NULL,
  photo_format TEXT NOT NULL,
  photo BLOB NOT NULL,
  signature_format TEXT,
  signature BLOB
) STRICT;

CREATE TABLE print_result (
  enrollment_id TEXT NOT NULL,
  attempt_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (enrollment_id, attempt_id)
) STRICT;

CREATE TABLE receipt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrollment_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  duplicate INTEGER NOT NULL,
  at TEXT NOT NULL
) STRICT;
`,
  },
];
