import type { Migration } from '../migration.js';

/**
 * What the sync worker keeps: per outbox entry the sealed packet's identity and the tus upload
 * it resumes; a history of attempts naming the step that failed; feed cursors; reference data
 * with its ETag; and the print desk's cache of print-ready records (photo and signature sealed).
 */
export const sync003: Migration = {
  version: 3,
  name: 'sync: packets, attempts, cursors, reference data, print-ready cache',
  sql: `
ALTER TABLE outbox ADD COLUMN step TEXT NOT NULL DEFAULT 'METADATA' CHECK (step IN ('METADATA','PACKET','ACK','DONE'));
ALTER TABLE outbox ADD COLUMN packet_sha256 TEXT CHECK (packet_sha256 IS NULL OR length(packet_sha256) = 64);
ALTER TABLE outbox ADD COLUMN packet_bytes INTEGER;
ALTER TABLE outbox ADD COLUMN upload_url TEXT;
ALTER TABLE outbox ADD COLUMN bytes_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN requeued INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_by_enrollment ON outbox (enrollment_id, state);

CREATE TABLE sync_attempt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outbox_id INTEGER,
  enrollment_id TEXT,
  step TEXT NOT NULL CHECK (step IN ('SIGNING_KEY','METADATA','PACKET','ACK','STATUS_FEED','RECONCILE','PRINT_QUEUE','REFERENCE')),
  outcome TEXT NOT NULL CHECK (outcome IN ('OK','FAILED')),
  code TEXT,
  detail TEXT,
  http_status INTEGER,
  bytes_sent INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX sync_attempt_by_outbox ON sync_attempt (outbox_id, id);

CREATE TABLE sync_cursor (
  feed TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL CHECK (cursor >= 0),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE reference_data (
  name TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  version TEXT NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body)),
  fetched_at TEXT NOT NULL
) STRICT;

CREATE TABLE print_ready (
  enrollment_id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  nik TEXT NOT NULL CHECK (length(nik) = 16),
  regency_code TEXT NOT NULL,
  demographics TEXT NOT NULL CHECK (json_valid(demographics)),
  photo_format TEXT NOT NULL,
  photo BLOB NOT NULL,
  signature_format TEXT,
  signature BLOB,
  ready_at TEXT NOT NULL,
  feed_cursor INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED','PRINTED','SPOILED'))
) STRICT;
CREATE INDEX print_ready_by_state ON print_ready (state, ready_at);
`,
};
