import type { Migration } from '../migration.js';

/**
 * The print desk: one row per print attempt (a card sent to a printer), supervisors' reprint
 * approvals, the blanko ledger (append-only: stock is its sum), print results waiting for
 * central, issued Suket, and saved printer profiles.
 *
 * Print results have an outbox of their own: a print-ready record usually comes from another
 * station, so it has no row in `enrollment` for the enrollment outbox's foreign key.
 */
export const printDesk004: Migration = {
  version: 4,
  name: 'print desk: attempts, reprint approvals, blanko ledger, print results outbox, suket, printer profiles',
  sql: `
CREATE TABLE print_approval (
  id TEXT PRIMARY KEY,
  enrollment_id TEXT NOT NULL REFERENCES print_ready (enrollment_id),
  kind TEXT NOT NULL CHECK (kind IN ('REPRINT')),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 5 AND 200),
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX print_approval_open ON print_approval (enrollment_id, used_at);

CREATE TABLE print_attempt (
  id TEXT PRIMARY KEY,
  enrollment_id TEXT NOT NULL REFERENCES print_ready (enrollment_id),
  batch_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('QUEUED','PRINTING','PRINTED','FAILED','SPOILED')),
  printer TEXT NOT NULL,
  approval_id TEXT REFERENCES print_approval (id),
  printer_job TEXT,
  card_fed INTEGER NOT NULL DEFAULT 0 CHECK (card_fed IN (0, 1)),
  fault_code TEXT,
  fault_detail TEXT,
  spoil_reason TEXT,
  operator TEXT NOT NULL,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  spoiled_at TEXT
) STRICT;
CREATE INDEX print_attempt_by_record ON print_attempt (enrollment_id, created_at);
CREATE INDEX print_attempt_by_day ON print_attempt (finished_at);
CREATE UNIQUE INDEX print_attempt_one_printed ON print_attempt (enrollment_id) WHERE state = 'PRINTED' AND approval_id IS NULL;

CREATE TABLE blanko_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('RECEIVE','CONSUME','SPOIL','COUNT')),
  quantity INTEGER NOT NULL,
  serial_from TEXT,
  serial_to TEXT,
  attempt_id TEXT REFERENCES print_attempt (id),
  counted INTEGER,
  expected INTEGER,
  reason TEXT,
  actor TEXT NOT NULL,
  CHECK ((kind = 'RECEIVE' AND quantity > 0 AND serial_from IS NOT NULL AND serial_to IS NOT NULL)
      OR (kind = 'CONSUME' AND quantity = -1 AND attempt_id IS NOT NULL)
      OR (kind = 'SPOIL' AND quantity IN (0, -1) AND reason IS NOT NULL)
      OR (kind = 'COUNT' AND counted IS NOT NULL AND expected IS NOT NULL AND quantity = counted - expected))
) STRICT;
CREATE UNIQUE INDEX blanko_one_consume_per_attempt ON blanko_ledger (attempt_id) WHERE kind = 'CONSUME';
CREATE UNIQUE INDEX blanko_one_spoil_per_attempt ON blanko_ledger (attempt_id) WHERE kind = 'SPOIL' AND attempt_id IS NOT NULL;
CREATE TRIGGER blanko_ledger_no_update BEFORE UPDATE ON blanko_ledger BEGIN SELECT RAISE(ABORT, 'blanko_ledger is append-only'); END;
CREATE TRIGGER blanko_ledger_no_delete BEFORE DELETE ON blanko_ledger BEGIN SELECT RAISE(ABORT, 'blanko_ledger is append-only'); END;

CREATE TABLE print_result_outbox (
  result_id TEXT PRIMARY KEY,
  enrollment_id TEXT NOT NULL,
  attempt_id TEXT NOT NULL REFERENCES print_attempt (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('PRINTED','SPOILED')),
  body TEXT NOT NULL CHECK (json_valid(body)),
  state TEXT NOT NULL CHECK (state IN ('PENDING','ACKED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  acked_at TEXT
) STRICT;
CREATE INDEX print_result_pending ON print_result_outbox (state, created_at);

CREATE TABLE suket (
  id TEXT PRIMARY KEY,
  nik TEXT NOT NULL CHECK (length(nik) = 16),
  enrollment_id TEXT,
  status_code TEXT NOT NULL CHECK (status_code IN ('Pro','SFE','PRR','DUP','Efac')),
  issued_at TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX suket_by_day ON suket (issued_at);

CREATE TABLE printer_profile (
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  model TEXT NOT NULL,
  rated_cards_per_hour INTEGER NOT NULL CHECK (rated_cards_per_hour > 0),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  saved_at TEXT NOT NULL
) STRICT;
`,
};
