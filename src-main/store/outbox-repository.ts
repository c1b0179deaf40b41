import type { StationDatabase } from './database.js';

export type OutboxState = 'PENDING' | 'IN_FLIGHT' | 'ACKED' | 'SUPERSEDED';

export interface OutboxEntry {
  id: number;
  enrollmentId: string;
  kind: 'ENROLLMENT_UPLOAD';
  contentHash: string;
  byteLength: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  ackedAt: string | null;
}

interface OutboxSqlRow {
  id: number;
  enrollment_id: string;
  kind: 'ENROLLMENT_UPLOAD';
  content_hash: string;
  byte_length: number;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  acked_at: string | null;
}

function toEntry(row: OutboxSqlRow): OutboxEntry {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    kind: row.kind,
    contentHash: row.content_hash,
    byteLength: row.byte_length,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    ackedAt: row.acked_at,
  };
}

/** The outbox: what must reach central, written in the same transaction as the record it carries. */
export class OutboxRepository {
  constructor(private readonly db: StationDatabase) {}

  /** Queues an upload; an older pending upload of the same record is superseded (its hash is stale). */
  enqueueUpload(entry: { enrollmentId: string; contentHash: string; byteLength: number; createdAt: string }): number {
    this.db
      .prepare("UPDATE outbox SET state = 'SUPERSEDED' WHERE enrollment_id = ? AND kind = 'ENROLLMENT_UPLOAD' AND state = 'PENDING'")
      .run(entry.enrollmentId);
    const row = this.db
      .prepare(
        `INSERT INTO outbox (enrollment_id, kind, content_hash, byte_length, state, created_at)
         VALUES (?, 'ENROLLMENT_UPLOAD', ?, ?, 'PENDING', ?) RETURNING id`,
      )
      .get(entry.enrollmentId, entry.contentHash, entry.byteLength, entry.createdAt) as { id: number };
    return row.id;
  }

  pending(limit: number): OutboxEntry[] {
    return (
      this.db.prepare("SELECT * FROM outbox WHERE state IN ('PENDING', 'IN_FLIGHT') ORDER BY id LIMIT ?").all(limit) as OutboxSqlRow[]
    ).map(toEntry);
  }

  /** Records waiting to reach central, and their bytes. */
  backlog(): { count: number; bytes: number } {
    return this.db
      .prepare("SELECT count(*) AS count, coalesce(sum(byte_length), 0) AS bytes FROM outbox WHERE state IN ('PENDING', 'IN_FLIGHT')")
      .get() as { count: number; bytes: number };
  }

  forEnrollment(enrollmentId: string): OutboxEntry[] {
    return (this.db.prepare('SELECT * FROM outbox WHERE enrollment_id = ? ORDER BY id').all(enrollmentId) as OutboxSqlRow[]).map(toEntry);
  }
}
