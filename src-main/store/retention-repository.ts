import type { StationDatabase } from './database.js';

/** Statuses in which central sent a record back: it is not accepted, its bytes may be needed again. */
const SENT_BACK = [
  'DRAFT',
  'COMMITTED',
  'DUPLICATE_RECORD',
  'ADJUDICATE_RECORD',
  'REQUEST_VALIDATION',
  'ENROLL_FAILURE_AT_REGIONAL',
  'ENROLL_FAILURE_AT_CENTRAL',
  'SEARCH_FAILURE_AT_CENTRAL',
] as const;

export interface PurgeCandidate {
  enrollmentId: string;
  acceptedAt: string;
}

/** The retention SQL: which records are due, emptying their sealed bytes, and VACUUM. */
export class RetentionRepository {
  constructor(private readonly db: StationDatabase) {}

  /**
   * Records central accepted (its acknowledgement of the record's current content hash) at or
   * before `acceptedBefore`, not sent back, that still hold sealed bytes.
   */
  due(acceptedBefore: string, limit: number): PurgeCandidate[] {
    const placeholders = SENT_BACK.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT e.id AS enrollmentId, max(o.acked_at) AS acceptedAt
           FROM enrollment e
           JOIN outbox o ON o.enrollment_id = e.id AND o.state = 'ACKED' AND o.content_hash = e.content_hash
          WHERE e.status NOT IN (${placeholders})
            AND NOT EXISTS (SELECT 1 FROM biometric_purge p WHERE p.enrollment_id = e.id)
          GROUP BY e.id
         HAVING acceptedAt <= ?
          ORDER BY acceptedAt
          LIMIT ?`,
      )
      .all(...SENT_BACK, acceptedBefore, limit) as PurgeCandidate[];
  }

  /** Empties the sealed bytes of one record's captures and records it. Run inside a transaction. */
  purge(candidate: PurgeCandidate, purgedAt: string): { captures: number; bytes: number } {
    const held = this.db
      .prepare('SELECT count(*) AS captures, coalesce(sum(length(sealed)), 0) AS bytes FROM capture WHERE enrollment_id = ? AND length(sealed) > 0')
      .get(candidate.enrollmentId) as { captures: number; bytes: number };
    this.db.prepare("UPDATE capture SET sealed = x'' WHERE enrollment_id = ? AND length(sealed) > 0").run(candidate.enrollmentId);
    this.db
      .prepare('INSERT INTO biometric_purge (enrollment_id, accepted_at, purged_at, captures, bytes) VALUES (?, ?, ?, ?, ?)')
      .run(candidate.enrollmentId, candidate.acceptedAt, purgedAt, held.captures, held.bytes);
    return held;
  }

  purgedAt(enrollmentId: string): string | null {
    const row = this.db.prepare('SELECT purged_at FROM biometric_purge WHERE enrollment_id = ?').get(enrollmentId) as { purged_at: string } | undefined;
    return row?.purged_at ?? null;
  }

  /** Rewrites the file without free pages, then empties the WAL: deleted bytes leave the disk. Never inside a transaction. */
  vacuum(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
