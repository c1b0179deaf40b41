import type { EnrollmentStatus } from '../contract/enrollment-status.js';
import type { StationDatabase } from './database.js';

/** One enrollment as stored (demographics as JSON text; the service parses and validates it). */
export interface EnrollmentRow {
  id: string;
  registrationNo: string;
  nik: string;
  nameKey: string;
  status: EnrollmentStatus;
  demographicsJson: string;
  wizardStep: string;
  contentHash: string | null;
  operatorId: string;
  createdAt: string;
  updatedAt: string;
  committedAt: string | null;
  seq: number;
  statusReason: string | null;
  updateReason: string | null;
}

export interface CaptureRow {
  enrollmentId: string;
  modality: 'FACE' | 'FINGER' | 'IRIS' | 'SIGNATURE';
  position: string;
  attempt: number;
  format: string | null;
  width: number | null;
  height: number | null;
  quality: number | null;
  exceptionReason: string | null;
  /** AES-256-GCM sealed bytes; null for an exception (no image). */
  sealed: Buffer | null;
  byteLength: number;
  sha256: string;
  capturedAt: string;
  chosen: boolean;
}

export interface SearchQuery {
  nik?: string;
  namePrefix?: string;
  registrationNo?: string;
  status?: EnrollmentStatus;
  limit: number;
  /** Keyset paging: rows with seq below this. */
  beforeSeq?: number;
}

interface EnrollmentSqlRow {
  id: string;
  registration_no: string;
  nik: string;
  name_key: string;
  status: EnrollmentStatus;
  demographics: string;
  wizard_step: string;
  content_hash: string | null;
  operator_id: string;
  created_at: string;
  updated_at: string;
  committed_at: string | null;
  seq: number;
  status_reason: string | null;
  update_reason: string | null;
}

interface CaptureSqlRow {
  enrollment_id: string;
  modality: CaptureRow['modality'];
  position: string;
  attempt: number;
  format: string | null;
  width: number | null;
  height: number | null;
  quality: number | null;
  exception_reason: string | null;
  sealed: Buffer | null;
  byte_length: number;
  sha256: string;
  captured_at: string;
  chosen: number;
}

function toEnrollment(row: EnrollmentSqlRow): EnrollmentRow {
  return {
    id: row.id,
    registrationNo: row.registration_no,
    nik: row.nik,
    nameKey: row.name_key,
    status: row.status,
    demographicsJson: row.demographics,
    wizardStep: row.wizard_step,
    contentHash: row.content_hash,
    operatorId: row.operator_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    committedAt: row.committed_at,
    seq: row.seq,
    statusReason: row.status_reason,
    updateReason: row.update_reason,
  };
}

function toCapture(row: CaptureSqlRow): CaptureRow {
  return {
    enrollmentId: row.enrollment_id,
    modality: row.modality,
    position: row.position,
    attempt: row.attempt,
    format: row.format,
    width: row.width,
    height: row.height,
    quality: row.quality,
    exceptionReason: row.exception_reason,
    sealed: row.sealed,
    byteLength: row.byte_length,
    sha256: row.sha256,
    capturedAt: row.captured_at,
    chosen: row.chosen === 1,
  };
}

/** The smallest string above every string that starts with `prefix` (its last code unit + 1). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** All SQL on enrollments and their captures. Callers own the transaction boundaries. */
export class EnrollmentRepository {
  constructor(private readonly db: StationDatabase) {}

  /** The station's monotonic sequence: never repeats, survives restarts. */
  nextSequence(name: string): number {
    const row = this.db
      .prepare(
        `INSERT INTO station_sequence (name, value) VALUES (?, 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(name) as { value: number };
    return row.value;
  }

  insert(row: EnrollmentRow): void {
    this.db
      .prepare(
        `INSERT INTO enrollment (id, registration_no, nik, name_key, status, demographics, wizard_step, content_hash,
           operator_id, created_at, updated_at, committed_at, seq, status_reason, update_reason)
         VALUES (@id, @registrationNo, @nik, @nameKey, @status, @demographicsJson, @wizardStep, @contentHash,
           @operatorId, @createdAt, @updatedAt, @committedAt, @seq, @statusReason, @updateReason)`,
      )
      .run(row);
  }

  /** Updates the mutable fields of a record; returns false when no such record exists. */
  update(row: EnrollmentRow): boolean {
    const result = this.db
      .prepare(
        `UPDATE enrollment SET nik = @nik, name_key = @nameKey, status = @status, demographics = @demographicsJson,
           wizard_step = @wizardStep, content_hash = @contentHash, updated_at = @updatedAt, committed_at = @committedAt,
           status_reason = @statusReason, update_reason = @updateReason
         WHERE id = @id`,
      )
      .run(row);
    return result.changes === 1;
  }

  get(id: string): EnrollmentRow | undefined {
    const row = this.db.prepare('SELECT * FROM enrollment WHERE id = ?').get(id) as EnrollmentSqlRow | undefined;
    return row === undefined ? undefined : toEnrollment(row);
  }

  /** Records with this NIK that are not final elsewhere (drafts and everything committed). */
  byNik(nik: string): EnrollmentRow[] {
    return (this.db.prepare('SELECT * FROM enrollment WHERE nik = ? ORDER BY seq DESC').all(nik) as EnrollmentSqlRow[]).map(
      toEnrollment,
    );
  }

  search(query: SearchQuery): EnrollmentRow[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: query.limit };
    if (query.nik !== undefined) {
      where.push('nik = @nik');
      params['nik'] = query.nik;
    }
    if (query.namePrefix !== undefined && query.namePrefix !== '') {
      // A range on the (binary) index instead of LIKE, which SQLite cannot serve from it.
      where.push('name_key >= @nameFrom AND name_key < @nameTo');
      params['nameFrom'] = query.namePrefix;
      params['nameTo'] = prefixUpperBound(query.namePrefix);
    }
    if (query.registrationNo !== undefined) {
      where.push('registration_no = @registrationNo');
      params['registrationNo'] = query.registrationNo;
    }
    if (query.status !== undefined) {
      where.push('status = @status');
      params['status'] = query.status;
    }
    if (query.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq');
      params['beforeSeq'] = query.beforeSeq;
    }
    const sql = `SELECT * FROM enrollment ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as EnrollmentSqlRow[]).map(toEnrollment);
  }

  countByStatus(): Array<{ status: EnrollmentStatus; count: number }> {
    return this.db.prepare('SELECT status, count(*) AS count FROM enrollment GROUP BY status ORDER BY status').all() as Array<{
      status: EnrollmentStatus;
      count: number;
    }>;
  }

  /** Records committed in [from, to) (ISO instants). */
  countCommittedBetween(from: string, to: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM enrollment WHERE committed_at >= ? AND committed_at < ?').get(from, to) as { n: number }
    ).n;
  }

  upsertCapture(row: CaptureRow): void {
    this.db
      .prepare(
        `INSERT INTO capture (enrollment_id, modality, position, attempt, format, width, height, quality, exception_reason,
           sealed, byte_length, sha256, captured_at, chosen)
         VALUES (@enrollmentId, @modality, @position, @attempt, @format, @width, @height, @quality, @exceptionReason,
           @sealed, @byteLength, @sha256, @capturedAt, @chosen)
         ON CONFLICT (enrollment_id, modality, position, attempt) DO UPDATE SET
           format = excluded.format, width = excluded.width, height = excluded.height, quality = excluded.quality,
           exception_reason = excluded.exception_reason, sealed = excluded.sealed, byte_length = excluded.byte_length,
           sha256 = excluded.sha256, captured_at = excluded.captured_at, chosen = excluded.chosen`,
      )
      .run({ ...row, chosen: row.chosen ? 1 : 0 });
  }

  /** Marks one attempt of a position as the one kept; the others stay for the record of attempts. */
  /** A record reopened for correction keeps its chosen capture per position, as attempt 1: two more attempts each. */
  resetAttempts(enrollmentId: string): void {
    this.db.prepare('DELETE FROM capture WHERE enrollment_id = ? AND chosen = 0').run(enrollmentId);
    this.db.prepare('UPDATE capture SET attempt = 1 WHERE enrollment_id = ? AND chosen = 1').run(enrollmentId);
  }

  /** Records in any of these statuses, least recently changed first. */
  withStatuses(statuses: readonly EnrollmentStatus[], limit: number): EnrollmentRow[] {
    if (statuses.length === 0) return [];
    return (
      this.db
        .prepare(`SELECT * FROM enrollment WHERE status IN (${statuses.map(() => '?').join(',')}) ORDER BY updated_at, seq LIMIT ?`)
        .all(...statuses, limit) as EnrollmentSqlRow[]
    ).map(toEnrollment);
  }

  chooseCapture(enrollmentId: string, modality: CaptureRow['modality'], position: string, attempt: number): void {
    this.db
      .prepare('UPDATE capture SET chosen = (attempt = ?) WHERE enrollment_id = ? AND modality = ? AND position = ?')
      .run(attempt, enrollmentId, modality, position);
  }

  captures(enrollmentId: string): CaptureRow[] {
    return (
      this.db
        .prepare('SELECT * FROM capture WHERE enrollment_id = ? ORDER BY modality, position, attempt')
        .all(enrollmentId) as CaptureSqlRow[]
    ).map(toCapture);
  }

  recordEvent(event: { enrollmentId: string; from: EnrollmentStatus | null; to: EnrollmentStatus; reason: string | null; actor: string; at: string }): void {
    this.db
      .prepare('INSERT INTO enrollment_event (enrollment_id, from_status, to_status, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(event.enrollmentId, event.from, event.to, event.reason, event.actor, event.at);
  }
}
