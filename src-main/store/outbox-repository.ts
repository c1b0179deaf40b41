import type { StationDatabase } from './database.js';

export type OutboxState = 'PENDING' | 'IN_FLIGHT' | 'ACKED' | 'SUPERSEDED';
/** The next thing the sync worker does for an entry: declare it, send its packet, confirm central holds it. */
export type OutboxStep = 'METADATA' | 'PACKET' | 'ACK' | 'DONE';

export interface OutboxEntry {
  id: number;
  enrollmentId: string;
  kind: 'ENROLLMENT_UPLOAD';
  contentHash: string;
  byteLength: number;
  state: OutboxState;
  step: OutboxStep;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  ackedAt: string | null;
  packetSha256: string | null;
  packetBytes: number | null;
  uploadUrl: string | null;
  bytesSent: number;
  requeued: number;
}

interface OutboxSqlRow {
  id: number;
  enrollment_id: string;
  kind: 'ENROLLMENT_UPLOAD';
  content_hash: string;
  byte_length: number;
  state: OutboxState;
  step: OutboxStep;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  acked_at: string | null;
  packet_sha256: string | null;
  packet_bytes: number | null;
  upload_url: string | null;
  bytes_sent: number;
  requeued: number;
}

function toEntry(row: OutboxSqlRow): OutboxEntry {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    kind: row.kind,
    contentHash: row.content_hash,
    byteLength: row.byte_length,
    state: row.state,
    step: row.step,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    ackedAt: row.acked_at,
    packetSha256: row.packet_sha256,
    packetBytes: row.packet_bytes,
    uploadUrl: row.upload_url,
    bytesSent: row.bytes_sent,
    requeued: row.requeued,
  };
}

const LIVE = "state IN ('PENDING', 'IN_FLIGHT')";

/** The outbox: what must reach central, written in the same transaction as the record it carries. */
export class OutboxRepository {
  constructor(private readonly db: StationDatabase) {}

  /** Queues an upload; an older pending upload of the same record is superseded (its hash is stale). */
  enqueueUpload(entry: { enrollmentId: string; contentHash: string; byteLength: number; createdAt: string }): number {
    this.db
      .prepare(`UPDATE outbox SET state = 'SUPERSEDED' WHERE enrollment_id = ? AND kind = 'ENROLLMENT_UPLOAD' AND ${LIVE}`)
      .run(entry.enrollmentId);
    // The same content committed again (a record central failed for its own reasons, resent
    // unchanged): the earlier entry for this hash goes back to the queue instead of a second row.
    const existing = this.db
      .prepare("SELECT id FROM outbox WHERE enrollment_id = ? AND kind = 'ENROLLMENT_UPLOAD' AND content_hash = ?")
      .get(entry.enrollmentId, entry.contentHash) as { id: number } | undefined;
    if (existing !== undefined) {
      this.requeue(existing.id);
      return existing.id;
    }
    const row = this.db
      .prepare(
        `INSERT INTO outbox (enrollment_id, kind, content_hash, byte_length, state, created_at)
         VALUES (?, 'ENROLLMENT_UPLOAD', ?, ?, 'PENDING', ?) RETURNING id`,
      )
      .get(entry.enrollmentId, entry.contentHash, entry.byteLength, entry.createdAt) as { id: number };
    return row.id;
  }

  get(id: number): OutboxEntry | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxSqlRow | undefined;
    return row === undefined ? undefined : toEntry(row);
  }

  pending(limit: number): OutboxEntry[] {
    return (this.db.prepare(`SELECT * FROM outbox WHERE ${LIVE} ORDER BY id LIMIT ?`).all(limit) as OutboxSqlRow[]).map(toEntry);
  }

  /** Entries due now, oldest first, skipping those the worker already holds. */
  due(nowIso: string, limit: number, excluding: readonly number[]): OutboxEntry[] {
    const skip = excluding.length === 0 ? '' : `AND id NOT IN (${excluding.map(() => '?').join(',')})`;
    return (
      this.db
        .prepare(`SELECT * FROM outbox WHERE ${LIVE} AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ${skip} ORDER BY id LIMIT ?`)
        .all(nowIso, ...excluding, limit) as OutboxSqlRow[]
    ).map(toEntry);
  }

  /** When the next waiting entry becomes due (null when none waits). */
  nextDueAt(): string | null {
    const row = this.db.prepare(`SELECT min(coalesce(next_attempt_at, '')) AS at FROM outbox WHERE ${LIVE}`).get() as { at: string | null };
    return row.at;
  }

  /** Records waiting to reach central, and their bytes. */
  backlog(): { count: number; bytes: number } {
    return this.db
      .prepare(`SELECT count(*) AS count, coalesce(sum(coalesce(packet_bytes, byte_length)), 0) AS bytes FROM outbox WHERE ${LIVE}`)
      .get() as { count: number; bytes: number };
  }

  /** Waiting entries by the step they are at, and how many have failed at least once. */
  backlogBySteps(): Array<{ step: OutboxStep; count: number; bytes: number; failing: number }> {
    return this.db
      .prepare(
        `SELECT step, count(*) AS count, coalesce(sum(coalesce(packet_bytes, byte_length)), 0) AS bytes,
                sum(CASE WHEN last_error IS NULL THEN 0 ELSE 1 END) AS failing
         FROM outbox WHERE ${LIVE} GROUP BY step ORDER BY step`,
      )
      .all() as Array<{ step: OutboxStep; count: number; bytes: number; failing: number }>;
  }

  forEnrollment(enrollmentId: string): OutboxEntry[] {
    return (this.db.prepare('SELECT * FROM outbox WHERE enrollment_id = ? ORDER BY id').all(enrollmentId) as OutboxSqlRow[]).map(toEntry);
  }

  /** The entry carrying this exact content, whatever its state. */
  forContent(enrollmentId: string, hash: string): OutboxEntry | undefined {
    const row = this.db
      .prepare("SELECT * FROM outbox WHERE enrollment_id = ? AND kind = 'ENROLLMENT_UPLOAD' AND content_hash = ?")
      .get(enrollmentId, hash) as OutboxSqlRow | undefined;
    return row === undefined ? undefined : toEntry(row);
  }

  /** The latest acknowledged entry of each record, `limit` at a time after `afterId` (reconciliation walks them). */
  acked(afterId: number, limit: number): OutboxEntry[] {
    return (
      this.db
        .prepare(
          `SELECT o.* FROM outbox o
           WHERE o.state = 'ACKED' AND o.id > ?
             AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.enrollment_id = o.enrollment_id AND n.id > o.id AND n.state <> 'SUPERSEDED')
           ORDER BY o.id LIMIT ?`,
        )
        .all(afterId, limit) as OutboxSqlRow[]
    ).map(toEntry);
  }

  /** A (re)sealed packet: central must be told its SHA-256 and size before it is sent. */
  recordPacket(id: number, packet: { sha256: string; bytes: number }): void {
    this.db
      .prepare("UPDATE outbox SET packet_sha256 = ?, packet_bytes = ?, upload_url = NULL, step = 'METADATA' WHERE id = ?")
      .run(packet.sha256, packet.bytes, id);
  }

  setStep(id: number, step: OutboxStep): void {
    this.db.prepare('UPDATE outbox SET step = ? WHERE id = ?').run(step, id);
  }

  setUploadUrl(id: number, url: string | null): void {
    this.db.prepare('UPDATE outbox SET upload_url = ? WHERE id = ?').run(url, id);
  }

  addBytesSent(id: number, bytes: number): void {
    this.db.prepare('UPDATE outbox SET bytes_sent = bytes_sent + ? WHERE id = ?').run(bytes, id);
  }

  /** A failed attempt: the error kept for the technician, the entry due again at `nextAttemptAt`. */
  fail(id: number, error: string, nextAttemptAt: string): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(error, nextAttemptAt, id);
  }

  /** Central took bytes of this entry: earlier failures no longer lengthen its backoff. */
  progressed(id: number): void {
    this.db.prepare('UPDATE outbox SET attempts = 0 WHERE id = ? AND attempts <> 0').run(id);
  }

  /** Central holds this content: the entry leaves the queue. */
  ack(id: number, at: string): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'ACKED', step = 'DONE', acked_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ? AND ${LIVE}`)
      .run(at, id);
  }

  /** Back to the queue from the start (central lacks it, or holds something else). */
  requeue(id: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'PENDING', step = 'METADATA', acked_at = NULL, upload_url = NULL, packet_sha256 = NULL,
           packet_bytes = NULL, next_attempt_at = NULL, last_error = NULL, attempts = 0, requeued = requeued + 1 WHERE id = ?`,
      )
      .run(id);
  }

  /** Due now: everything waiting is tried at once ("Sinkronkan sekarang"). */
  makeAllDue(): number {
    return this.db.prepare(`UPDATE outbox SET next_attempt_at = NULL WHERE ${LIVE}`).run().changes;
  }
}
