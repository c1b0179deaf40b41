import type { StationDatabase } from './database.js';

export type SyncStep = 'SIGNING_KEY' | 'METADATA' | 'PACKET' | 'ACK' | 'STATUS_FEED' | 'RECONCILE' | 'PRINT_QUEUE' | 'REFERENCE';

export interface SyncAttempt {
  id: number;
  outboxId: number | null;
  enrollmentId: string | null;
  step: SyncStep;
  outcome: 'OK' | 'FAILED';
  code: string | null;
  detail: string | null;
  httpStatus: number | null;
  bytesSent: number;
  startedAt: string;
  durationMs: number;
}

interface AttemptSqlRow {
  id: number;
  outbox_id: number | null;
  enrollment_id: string | null;
  step: SyncStep;
  outcome: 'OK' | 'FAILED';
  code: string | null;
  detail: string | null;
  http_status: number | null;
  bytes_sent: number;
  started_at: string;
  duration_ms: number;
}

export interface PrintReadyRow {
  enrollmentId: string;
  contentHash: string;
  nik: string;
  regencyCode: string;
  demographicsJson: string;
  photoFormat: string;
  photo: Buffer;
  signatureFormat: string | null;
  signature: Buffer | null;
  readyAt: string;
  feedCursor: number;
  fetchedAt: string;
}

/** How many attempts the history keeps; older ones are pruned as new ones arrive. */
const HISTORY_LIMIT = 5000;

/** The sync worker's own tables: attempt history, feed cursors, reference data, the print-ready cache. */
export class SyncRepository {
  private inserted = 0;

  constructor(private readonly db: StationDatabase) {}

  recordAttempt(attempt: Omit<SyncAttempt, 'id'>): void {
    this.db
      .prepare(
        `INSERT INTO sync_attempt (outbox_id, enrollment_id, step, outcome, code, detail, http_status, bytes_sent, started_at, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        attempt.outboxId,
        attempt.enrollmentId,
        attempt.step,
        attempt.outcome,
        attempt.code,
        attempt.detail,
        attempt.httpStatus,
        attempt.bytesSent,
        attempt.startedAt,
        attempt.durationMs,
      );
    this.inserted += 1;
    if (this.inserted % 500 === 0) {
      this.db.prepare('DELETE FROM sync_attempt WHERE id <= (SELECT max(id) FROM sync_attempt) - ?').run(HISTORY_LIMIT);
    }
  }

  history(query: { limit: number; beforeId?: number | undefined; failedOnly?: boolean | undefined; enrollmentId?: string | undefined }): SyncAttempt[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM sync_attempt
         WHERE (? IS NULL OR id < ?) AND (? = 0 OR outcome = 'FAILED') AND (? IS NULL OR enrollment_id = ?)
         ORDER BY id DESC LIMIT ?`,
      )
      .all(
        query.beforeId ?? null,
        query.beforeId ?? null,
        query.failedOnly === true ? 1 : 0,
        query.enrollmentId ?? null,
        query.enrollmentId ?? null,
        query.limit,
      ) as AttemptSqlRow[];
    return rows.map((r) => ({
      id: r.id,
      outboxId: r.outbox_id,
      enrollmentId: r.enrollment_id,
      step: r.step,
      outcome: r.outcome,
      code: r.code,
      detail: r.detail,
      httpStatus: r.http_status,
      bytesSent: r.bytes_sent,
      startedAt: r.started_at,
      durationMs: r.duration_ms,
    }));
  }

  /** When a step last succeeded (null: never). */
  lastSuccess(steps: readonly SyncStep[]): string | null {
    const row = this.db
      .prepare(`SELECT max(started_at) AS at FROM sync_attempt WHERE outcome = 'OK' AND step IN (${steps.map(() => '?').join(',')})`)
      .get(...steps) as { at: string | null };
    return row.at;
  }

  cursor(feed: string): number {
    const row = this.db.prepare('SELECT cursor FROM sync_cursor WHERE feed = ?').get(feed) as { cursor: number } | undefined;
    return row?.cursor ?? 0;
  }

  setCursor(feed: string, cursor: number, at: string): void {
    this.db
      .prepare('INSERT INTO sync_cursor (feed, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at')
      .run(feed, cursor, at);
  }

  reference(name: string): { etag: string; version: string; body: string; fetchedAt: string } | undefined {
    const row = this.db.prepare('SELECT etag, version, body, fetched_at FROM reference_data WHERE name = ?').get(name) as
      | { etag: string; version: string; body: string; fetched_at: string }
      | undefined;
    return row === undefined ? undefined : { etag: row.etag, version: row.version, body: row.body, fetchedAt: row.fetched_at };
  }

  references(): Array<{ name: string; version: string; fetchedAt: string }> {
    return (this.db.prepare('SELECT name, version, fetched_at FROM reference_data ORDER BY name').all() as Array<{ name: string; version: string; fetched_at: string }>).map(
      (r) => ({ name: r.name, version: r.version, fetchedAt: r.fetched_at }),
    );
  }

  saveReference(name: string, value: { etag: string; version: string; body: string; fetchedAt: string }): void {
    this.db
      .prepare(
        `INSERT INTO reference_data (name, etag, version, body, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET etag = excluded.etag, version = excluded.version, body = excluded.body, fetched_at = excluded.fetched_at`,
      )
      .run(name, value.etag, value.version, value.body, value.fetchedAt);
  }

  touchReference(name: string, fetchedAt: string): void {
    this.db.prepare('UPDATE reference_data SET fetched_at = ? WHERE name = ?').run(fetchedAt, name);
  }

  /** Caches a print-ready record; one already cached is left as it is (the feed may repeat). */
  cachePrintReady(row: PrintReadyRow): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO print_ready (enrollment_id, content_hash, nik, regency_code, demographics, photo_format, photo, signature_format, signature, ready_at, feed_cursor, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (enrollment_id) DO NOTHING`,
        )
        .run(
          row.enrollmentId,
          row.contentHash,
          row.nik,
          row.regencyCode,
          row.demographicsJson,
          row.photoFormat,
          row.photo,
          row.signatureFormat,
          row.signature,
          row.readyAt,
          row.feedCursor,
          row.fetchedAt,
        ).changes === 1
    );
  }

  printReadyCount(): { queued: number; total: number } {
    return this.db
      .prepare("SELECT coalesce(sum(CASE WHEN state = 'QUEUED' THEN 1 ELSE 0 END), 0) AS queued, count(*) AS total FROM print_ready")
      .get() as { queued: number; total: number };
  }

  printReady(limit: number): PrintReadyRow[] {
    const rows = this.db.prepare("SELECT * FROM print_ready WHERE state = 'QUEUED' ORDER BY ready_at, enrollment_id LIMIT ?").all(limit) as Array<{
      enrollment_id: string;
      content_hash: string;
      nik: string;
      regency_code: string;
      demographics: string;
      photo_format: string;
      photo: Buffer;
      signature_format: string | null;
      signature: Buffer | null;
      ready_at: string;
      feed_cursor: number;
      fetched_at: string;
    }>;
    return rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      contentHash: r.content_hash,
      nik: r.nik,
      regencyCode: r.regency_code,
      demographicsJson: r.demographics,
      photoFormat: r.photo_format,
      photo: r.photo,
      signatureFormat: r.signature_format,
      signature: r.signature,
      readyAt: r.ready_at,
      feedCursor: r.feed_cursor,
      fetchedAt: r.fetched_at,
    }));
  }
}
