import type { StationDatabase } from '../database.js';

export type PrintReadyState = 'QUEUED' | 'PRINTED' | 'SPOILED';
export type PrintAttemptState = 'QUEUED' | 'PRINTING' | 'PRINTED' | 'FAILED' | 'SPOILED';

/** A print-ready record as the desk lists it (no images: those are read one card at a time). */
export interface PrintQueueRow {
  enrollmentId: string;
  nik: string;
  nama: string;
  kecamatan: string;
  readyAt: string;
  fetchedAt: string;
  state: PrintReadyState;
  attempts: number;
  /** An unused supervisor approval lets this record print again. */
  approvalId: string | null;
}

export interface PrintQueueQuery {
  state: PrintReadyState | 'ALL';
  /** NIK prefix or name prefix (case-insensitive). */
  search: string | null;
  kecamatan: string | null;
  limit: number;
  offset: number;
}

export interface PrintAttemptRow {
  id: string;
  enrollmentId: string;
  batchId: string;
  state: PrintAttemptState;
  printer: string;
  approvalId: string | null;
  printerJob: string | null;
  cardFed: boolean;
  faultCode: string | null;
  faultDetail: string | null;
  spoilReason: string | null;
  operator: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  spoiledAt: string | null;
}

interface AttemptSql {
  id: string;
  enrollment_id: string;
  batch_id: string;
  state: PrintAttemptState;
  printer: string;
  approval_id: string | null;
  printer_job: string | null;
  card_fed: number;
  fault_code: string | null;
  fault_detail: string | null;
  spoil_reason: string | null;
  operator: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  spoiled_at: string | null;
}

function toAttempt(r: AttemptSql): PrintAttemptRow {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    batchId: r.batch_id,
    state: r.state,
    printer: r.printer,
    approvalId: r.approval_id,
    printerJob: r.printer_job,
    cardFed: r.card_fed === 1,
    faultCode: r.fault_code,
    faultDetail: r.fault_detail,
    spoilReason: r.spoil_reason,
    operator: r.operator,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    spoiledAt: r.spoiled_at,
  };
}

export interface PrintApprovalRow {
  id: string;
  enrollmentId: string;
  reason: string;
  approvedBy: string;
  approvedAt: string;
  usedAt: string | null;
}

/** The desk's queue over the print-ready cache: attempts per card and supervisors' reprint approvals. */
export class PrintQueueRepository {
  constructor(private readonly db: StationDatabase) {}

  list(query: PrintQueueQuery): { rows: PrintQueueRow[]; total: number } {
    const search = query.search === null || query.search.trim() === '' ? null : query.search.trim().toUpperCase();
    const where = `(? = 'ALL' OR p.state = ?)
      AND (? IS NULL OR p.nik LIKE ? || '%' OR upper(json_extract(p.demographics, '$.nama')) LIKE ? || '%')
      AND (? IS NULL OR upper(json_extract(p.demographics, '$.kecamatan')) = upper(?))`;
    const args = [query.state, query.state, search, search, search, query.kecamatan, query.kecamatan];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM print_ready p WHERE ${where}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT p.enrollment_id, p.nik, coalesce(json_extract(p.demographics, '$.nama'), '') AS nama,
                coalesce(json_extract(p.demographics, '$.kecamatan'), '') AS kecamatan, p.ready_at, p.fetched_at, p.state,
                (SELECT count(*) FROM print_attempt a WHERE a.enrollment_id = p.enrollment_id) AS attempts,
                (SELECT id FROM print_approval r WHERE r.enrollment_id = p.enrollment_id AND r.used_at IS NULL ORDER BY approved_at DESC LIMIT 1) AS approval_id
         FROM print_ready p WHERE ${where}
         ORDER BY p.ready_at, p.enrollment_id LIMIT ? OFFSET ?`,
      )
      .all(...args, query.limit, query.offset) as Array<{
      enrollment_id: string;
      nik: string;
      nama: string;
      kecamatan: string;
      ready_at: string;
      fetched_at: string;
      state: PrintReadyState;
      attempts: number;
      approval_id: string | null;
    }>;
    return {
      total,
      rows: rows.map((r) => ({
        enrollmentId: r.enrollment_id,
        nik: r.nik,
        nama: r.nama,
        kecamatan: r.kecamatan,
        readyAt: r.ready_at,
        fetchedAt: r.fetched_at,
        state: r.state,
        attempts: r.attempts,
        approvalId: r.approval_id,
      })),
    };
  }

  /** The card's material: demographics and sealed images, as the prefetch stored them. */
  material(enrollmentId: string):
    | { enrollmentId: string; nik: string; demographicsJson: string; photoFormat: string; photo: Buffer; signatureFormat: string | null; signature: Buffer | null; state: PrintReadyState }
    | undefined {
    const r = this.db
      .prepare('SELECT enrollment_id, nik, demographics, photo_format, photo, signature_format, signature, state FROM print_ready WHERE enrollment_id = ?')
      .get(enrollmentId) as
      | { enrollment_id: string; nik: string; demographics: string; photo_format: string; photo: Buffer; signature_format: string | null; signature: Buffer | null; state: PrintReadyState }
      | undefined;
    return r === undefined
      ? undefined
      : {
          enrollmentId: r.enrollment_id,
          nik: r.nik,
          demographicsJson: r.demographics,
          photoFormat: r.photo_format,
          photo: r.photo,
          signatureFormat: r.signature_format,
          signature: r.signature,
          state: r.state,
        };
  }

  setRecordState(enrollmentId: string, state: PrintReadyState): void {
    this.db.prepare('UPDATE print_ready SET state = ? WHERE enrollment_id = ?').run(state, enrollmentId);
  }

  addAttempt(a: { id: string; enrollmentId: string; batchId: string; printer: string; approvalId: string | null; operator: string; createdAt: string }): void {
    this.db
      .prepare(
        `INSERT INTO print_attempt (id, enrollment_id, batch_id, state, printer, approval_id, operator, created_at)
         VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?)`,
      )
      .run(a.id, a.enrollmentId, a.batchId, a.printer, a.approvalId, a.operator, a.createdAt);
  }

  startAttempt(id: string, at: string): void {
    this.db.prepare("UPDATE print_attempt SET state = 'PRINTING', started_at = ? WHERE id = ? AND state = 'QUEUED'").run(at, id);
  }

  setPrinterJob(id: string, job: string): void {
    this.db.prepare('UPDATE print_attempt SET printer_job = ? WHERE id = ?').run(job, id);
  }

  finishAttempt(id: string, outcome: { state: 'PRINTED' | 'FAILED'; cardFed: boolean; faultCode: string | null; faultDetail: string | null; at: string }): void {
    this.db
      .prepare("UPDATE print_attempt SET state = ?, card_fed = ?, fault_code = ?, fault_detail = ?, finished_at = ? WHERE id = ? AND state IN ('QUEUED','PRINTING')")
      .run(outcome.state, outcome.cardFed ? 1 : 0, outcome.faultCode, outcome.faultDetail, outcome.at, id);
  }

  spoilAttempt(id: string, reason: string, at: string): void {
    this.db.prepare("UPDATE print_attempt SET state = 'SPOILED', spoil_reason = ?, spoiled_at = ? WHERE id = ? AND state = 'PRINTED'").run(reason, at, id);
  }

  attempt(id: string): PrintAttemptRow | undefined {
    const r = this.db.prepare('SELECT * FROM print_attempt WHERE id = ?').get(id) as AttemptSql | undefined;
    return r === undefined ? undefined : toAttempt(r);
  }

  attemptsFor(enrollmentId: string): PrintAttemptRow[] {
    return (this.db.prepare('SELECT * FROM print_attempt WHERE enrollment_id = ? ORDER BY created_at, id').all(enrollmentId) as AttemptSql[]).map(toAttempt);
  }

  batch(batchId: string): PrintAttemptRow[] {
    return (this.db.prepare('SELECT * FROM print_attempt WHERE batch_id = ? ORDER BY created_at, id').all(batchId) as AttemptSql[]).map(toAttempt);
  }

  /** Attempts left QUEUED or PRINTING by a station that stopped mid-batch. */
  unfinished(): PrintAttemptRow[] {
    return (this.db.prepare("SELECT * FROM print_attempt WHERE state IN ('QUEUED','PRINTING') ORDER BY created_at").all() as AttemptSql[]).map(toAttempt);
  }

  /** Attempts that finished (or were spoiled) in [from, to). */
  finishedBetween(fromIso: string, toIso: string): PrintAttemptRow[] {
    return (
      this.db
        .prepare('SELECT * FROM print_attempt WHERE (finished_at >= ? AND finished_at < ?) OR (spoiled_at >= ? AND spoiled_at < ?) ORDER BY finished_at')
        .all(fromIso, toIso, fromIso, toIso) as AttemptSql[]
    ).map(toAttempt);
  }

  addApproval(a: { id: string; enrollmentId: string; reason: string; approvedBy: string; approvedAt: string }): void {
    this.db
      .prepare("INSERT INTO print_approval (id, enrollment_id, kind, reason, approved_by, approved_at) VALUES (?, ?, 'REPRINT', ?, ?, ?)")
      .run(a.id, a.enrollmentId, a.reason, a.approvedBy, a.approvedAt);
  }

  openApproval(enrollmentId: string): PrintApprovalRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM print_approval WHERE enrollment_id = ? AND used_at IS NULL ORDER BY approved_at DESC LIMIT 1')
      .get(enrollmentId) as { id: string; enrollment_id: string; reason: string; approved_by: string; approved_at: string; used_at: string | null } | undefined;
    return r === undefined
      ? undefined
      : { id: r.id, enrollmentId: r.enrollment_id, reason: r.reason, approvedBy: r.approved_by, approvedAt: r.approved_at, usedAt: r.used_at };
  }

  useApproval(id: string, at: string): boolean {
    return this.db.prepare('UPDATE print_approval SET used_at = ? WHERE id = ? AND used_at IS NULL').run(at, id).changes === 1;
  }

  /** The card printed for this record and not spoiled (at most one without approval, by the unique index). */
  printedAttempt(enrollmentId: string): PrintAttemptRow | undefined {
    const r = this.db
      .prepare("SELECT * FROM print_attempt WHERE enrollment_id = ? AND state = 'PRINTED' ORDER BY finished_at DESC LIMIT 1")
      .get(enrollmentId) as AttemptSql | undefined;
    return r === undefined ? undefined : toAttempt(r);
  }
}
