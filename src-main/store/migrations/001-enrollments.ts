import type { Migration } from '../migration.js';

/**
 * Enrollments, their captures and the outbox. The NIK lives in one searchable column only;
 * demographics JSON holds the rest of the card's fields; capture bytes are sealed (AES-256-GCM)
 * before they reach this table. Shipped migrations are never edited: add 002, 003, ….
 */
export const enrollments001: Migration = {
  version: 1,
  name: 'enrollments, captures, outbox',
  sql: `
CREATE TABLE station_sequence (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE enrollment (
  id TEXT PRIMARY KEY,
  registration_no TEXT NOT NULL UNIQUE,
  nik TEXT NOT NULL CHECK (length(nik) = 16),
  name_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('DRAFT','COMMITTED','SENT','SENT_FOR_ENROLLMENT','RECEIVED_AT_CENTRAL',
    'PRINT_READY_RECORD','DUPLICATE_RECORD','ADJUDICATE_RECORD','REQUEST_VALIDATION',
    'ENROLL_FAILURE_AT_REGIONAL','ENROLL_FAILURE_AT_CENTRAL','SEARCH_FAILURE_AT_CENTRAL')),
  demographics TEXT NOT NULL CHECK (json_valid(demographics)),
  wizard_step TEXT NOT NULL DEFAULT 'DATA',
  content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
  operator_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  committed_at TEXT,
  seq INTEGER NOT NULL UNIQUE,
  status_reason TEXT,
  update_reason TEXT
) STRICT;
CREATE INDEX enrollment_by_nik ON enrollment (nik);
CREATE INDEX enrollment_by_name ON enrollment (name_key);
CREATE INDEX enrollment_by_status ON enrollment (status, updated_at);
CREATE INDEX enrollment_by_day ON enrollment (committed_at);

CREATE TABLE capture (
  enrollment_id TEXT NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  modality TEXT NOT NULL CHECK (modality IN ('FACE','FINGER','IRIS','SIGNATURE')),
  position TEXT NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt BETWEEN 1 AND 3),
  format TEXT,
  width INTEGER,
  height INTEGER,
  quality INTEGER CHECK (quality IS NULL OR quality BETWEEN 0 AND 100),
  exception_reason TEXT,
  sealed BLOB,
  byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  captured_at TEXT NOT NULL,
  chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
  PRIMARY KEY (enrollment_id, modality, position, attempt),
  CHECK ((sealed IS NULL) = (exception_reason IS NOT NULL)),
  CHECK ((format IS NULL) = (sealed IS NULL))
) STRICT;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrollment_id TEXT NOT NULL REFERENCES enrollment (id),
  kind TEXT NOT NULL CHECK (kind IN ('ENROLLMENT_UPLOAD')),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  byte_length INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING','IN_FLIGHT','ACKED','SUPERSEDED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  acked_at TEXT,
  UNIQUE (enrollment_id, kind, content_hash)
) STRICT;
CREATE INDEX outbox_pending ON outbox (state, id);

CREATE TABLE enrollment_event (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrollment_id TEXT NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX enrollment_event_by_record ON enrollment_event (enrollment_id, id);
`,
};
