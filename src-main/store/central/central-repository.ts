import type { Logger } from 'pino';
import { openStationDatabase } from '../database.js';
import type { StationDatabase } from '../database.js';
import { centralMigrations } from './central-migrations.js';

export interface CentralStationRow {
  id: string;
  credentialSha256: string;
  regencyCode: string | null;
  signingKeyPem: string | null;
  signingKeyId: string | null;
  pinnedAt: string | null;
}

export interface CentralRecordRow {
  id: string;
  stationId: string;
  registrationNo: string;
  regencyCode: string;
  contentHash: string;
  packetSha256: string;
  packetBytes: number;
  committedAt: string;
  status: string;
  reasonCode: string | null;
  reasonDetail: string | null;
  packetReceived: boolean;
  nik: string | null;
  captureSummary: string | null;
  receivedSeq: number | null;
  receivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RecordSql {
  id: string;
  station_id: string;
  registration_no: string;
  regency_code: string;
  content_hash: string;
  packet_sha256: string;
  packet_bytes: number;
  committed_at: string;
  status: string;
  reason_code: string | null;
  reason_detail: string | null;
  packet_received: number;
  nik: string | null;
  capture_summary: string | null;
  received_seq: number | null;
  received_at: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: RecordSql): CentralRecordRow => ({
  id: r.id,
  stationId: r.station_id,
  registrationNo: r.registration_no,
  regencyCode: r.regency_code,
  contentHash: r.content_hash,
  packetSha256: r.packet_sha256,
  packetBytes: r.packet_bytes,
  committedAt: r.committed_at,
  status: r.status,
  reasonCode: r.reason_code,
  reasonDetail: r.reason_detail,
  packetReceived: r.packet_received === 1,
  nik: r.nik,
  captureSummary: r.capture_summary,
  receivedSeq: r.received_seq,
  receivedAt: r.received_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface StatusEventRow {
  cursor: number;
  stationId: string;
  enrollmentId: string;
  contentHash: string;
  regencyCode: string;
  status: string;
  reasonCode: string | null;
  reasonDetail: string | null;
  at: string;
}

export interface PrintMaterialRow {
  cursor: number;
  enrollmentId: string;
  contentHash: string;
  nik: string;
  demographicsJson: string;
  photoFormat: string;
  photo: Buffer;
  signatureFormat: string | null;
  signature: Buffer | null;
  readyAt: string;
}

/** The central emulator's database. Only store/ runs SQL, central's included. */
export class CentralRepository {
  private constructor(private readonly db: StationDatabase) {}

  static open(file: string, logger: Logger): CentralRepository {
    return new CentralRepository(openStationDatabase({ file, migrations: centralMigrations, logger }));
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  close(): void {
    this.db.close();
  }

  upsertStation(station: { id: string; credentialSha256: string; regencyCode: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO station (id, credential_sha256, regency_code) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET credential_sha256 = excluded.credential_sha256, regency_code = coalesce(excluded.regency_code, station.regency_code)`,
      )
      .run(station.id, station.credentialSha256, station.regencyCode);
  }

  station(id: string): CentralStationRow | undefined {
    const r = this.db.prepare('SELECT * FROM station WHERE id = ?').get(id) as
      | { id: string; credential_sha256: string; regency_code: string | null; signing_key_pem: string | null; signing_key_id: string | null; pinned_at: string | null }
      | undefined;
    return r === undefined
      ? undefined
      : { id: r.id, credentialSha256: r.credential_sha256, regencyCode: r.regency_code, signingKeyPem: r.signing_key_pem, signingKeyId: r.signing_key_id, pinnedAt: r.pinned_at };
  }

  pinSigningKey(id: string, pem: string, keyId: string, at: string): void {
    this.db.prepare('UPDATE station SET signing_key_pem = ?, signing_key_id = ?, pinned_at = ? WHERE id = ?').run(pem, keyId, at, id);
  }

  record(id: string): CentralRecordRow | undefined {
    const r = this.db.prepare('SELECT * FROM record WHERE id = ?').get(id) as RecordSql | undefined;
    return r === undefined ? undefined : toRecord(r);
  }

  records(ids: readonly string[]): CentralRecordRow[] {
    if (ids.length === 0) return [];
    return (this.db.prepare(`SELECT * FROM record WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as RecordSql[]).map(toRecord);
  }

  /** A new record, or a new version of one central returned: the packet is awaited again. */
  declare(record: {
    id: string;
    stationId: string;
    registrationNo: string;
    regencyCode: string;
    contentHash: string;
    packetSha256: string;
    packetBytes: number;
    committedAt: string;
    at: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO record (id, station_id, registration_no, regency_code, content_hash, packet_sha256, packet_bytes, committed_at, status, created_at, updated_at)
         VALUES (@id, @stationId, @registrationNo, @regencyCode, @contentHash, @packetSha256, @packetBytes, @committedAt, 'AWAITING_PACKET', @at, @at)
         ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, packet_sha256 = excluded.packet_sha256,
           packet_bytes = excluded.packet_bytes, committed_at = excluded.committed_at, status = 'AWAITING_PACKET',
           reason_code = NULL, reason_detail = NULL, packet_received = 0, received_seq = NULL, received_at = NULL, updated_at = excluded.updated_at`,
      )
      .run(record);
  }

  /** Updates what the station declares about the packet (a rebuilt packet has a new SHA-256). */
  redeclarePacket(id: string, packet: { sha256: string; bytes: number }, at: string): void {
    this.db.prepare('UPDATE record SET packet_sha256 = ?, packet_bytes = ?, updated_at = ? WHERE id = ? AND packet_received = 0').run(packet.sha256, packet.bytes, at, id);
  }

  markReceived(id: string, details: { nik: string; captureSummary: string; at: string }): void {
    const next = (this.db.prepare('SELECT coalesce(max(received_seq), 0) + 1 AS seq FROM record').get() as { seq: number }).seq;
    this.db
      .prepare(
        `UPDATE record SET packet_received = 1, status = 'RECEIVED_AT_CENTRAL', nik = ?, capture_summary = ?, received_seq = ?, received_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(details.nik, details.captureSummary, next, details.at, details.at, id);
  }

  setStatus(id: string, status: string, reason: { code: string; detail: string } | null, at: string): void {
    this.db
      .prepare('UPDATE record SET status = ?, reason_code = ?, reason_detail = ?, updated_at = ? WHERE id = ?')
      .run(status, reason?.code ?? null, reason?.detail ?? null, at, id);
  }

  appendStatusEvent(event: Omit<StatusEventRow, 'cursor'>): number {
    return (
      this.db
        .prepare(
          `INSERT INTO status_event (station_id, enrollment_id, content_hash, regency_code, status, reason_code, reason_detail, at)
           VALUES (@stationId, @enrollmentId, @contentHash, @regencyCode, @status, @reasonCode, @reasonDetail, @at) RETURNING cursor`,
        )
        .get(event) as { cursor: number }
    ).cursor;
  }

  statusFeed(stationId: string, after: number, limit: number): StatusEventRow[] {
    return this.db
      .prepare(
        `SELECT cursor, station_id AS stationId, enrollment_id AS enrollmentId, content_hash AS contentHash, regency_code AS regencyCode,
                status, reason_code AS reasonCode, reason_detail AS reasonDetail, at
         FROM status_event WHERE station_id = ? AND cursor > ? ORDER BY cursor LIMIT ?`,
      )
      .all(stationId, after, limit) as StatusEventRow[];
  }

  /** Received records whose verification is due. */
  dueForVerification(receivedBefore: string, limit: number): CentralRecordRow[] {
    return (
      this.db
        .prepare("SELECT * FROM record WHERE status = 'RECEIVED_AT_CENTRAL' AND received_at <= ? ORDER BY received_seq LIMIT ?")
        .all(receivedBefore, limit) as RecordSql[]
    ).map(toRecord);
  }

  /** Another record (not this one) already holding this NIK and not itself rejected. */
  otherHolderOfNik(nik: string, exceptId: string): CentralRecordRow | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM record WHERE nik = ? AND id <> ? AND packet_received = 1
           AND status IN ('RECEIVED_AT_CENTRAL','PRINT_READY_RECORD','ADJUDICATE_RECORD')
           AND (received_seq < (SELECT received_seq FROM record WHERE id = ?))
         ORDER BY received_seq LIMIT 1`,
      )
      .get(nik, exceptId, exceptId) as RecordSql | undefined;
    return r === undefined ? undefined : toRecord(r);
  }

  savePrintMaterial(m: Omit<PrintMaterialRow, 'cursor' | 'readyAt'>): void {
    this.db
      .prepare(
        `INSERT INTO print_material (enrollment_id, content_hash, nik, demographics, photo_format, photo, signature_format, signature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (enrollment_id) DO UPDATE SET content_hash = excluded.content_hash, nik = excluded.nik, demographics = excluded.demographics,
           photo_format = excluded.photo_format, photo = excluded.photo, signature_format = excluded.signature_format, signature = excluded.signature`,
      )
      .run(m.enrollmentId, m.contentHash, m.nik, m.demographicsJson, m.photoFormat, m.photo, m.signatureFormat, m.signature);
  }

  /** Print-ready records of a kabupaten after a cursor (the cursor of their PRR status event). */
  printQueue(regencyCode: string, after: number, limit: number): PrintMaterialRow[] {
    return this.db
      .prepare(
        `SELECT e.cursor AS cursor, m.enrollment_id AS enrollmentId, m.content_hash AS contentHash, m.nik AS nik, m.demographics AS demographicsJson,
                m.photo_format AS photoFormat, m.photo AS photo, m.signature_format AS signatureFormat, m.signature AS signature, e.at AS readyAt
         FROM status_event e
         JOIN record r ON r.id = e.enrollment_id AND r.content_hash = e.content_hash AND r.status = 'PRINT_READY_RECORD'
         JOIN print_material m ON m.enrollment_id = r.id AND m.content_hash = r.content_hash
         WHERE e.regency_code = ? AND e.status = 'PRINT_READY_RECORD' AND e.cursor > ?
         ORDER BY e.cursor LIMIT ?`,
      )
      .all(regencyCode, after, limit) as PrintMaterialRow[];
  }

  /** Records a print result once; a repeat with the same attempt id is a no-op (false). */
  recordPrintResult(r: { enrollmentId: string; attemptId: string; outcome: string; reason: string | null; at: string }): boolean {
    return (
      this.db
        .prepare('INSERT INTO print_result (enrollment_id, attempt_id, outcome, reason, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(r.enrollmentId, r.attemptId, r.outcome, r.reason, r.at).changes === 1
    );
  }

  printResult(enrollmentId: string, attemptId: string): { outcome: string } | undefined {
    return this.db.prepare('SELECT outcome FROM print_result WHERE enrollment_id = ? AND attempt_id = ?').get(enrollmentId, attemptId) as
      | { outcome: string }
      | undefined;
  }

  logReceipt(enrollmentId: string, contentHash: string, duplicate: boolean, at: string): void {
    this.db.prepare('INSERT INTO receipt (enrollment_id, content_hash, duplicate, at) VALUES (?, ?, ?, ?)').run(enrollmentId, contentHash, duplicate ? 1 : 0, at);
  }

  /** Forgets the last `count` received records, as a central that lost data would. Returns their ids. */
  forgetLastReceived(count: number): string[] {
    const ids = (this.db.prepare('SELECT id FROM record WHERE packet_received = 1 ORDER BY received_seq DESC LIMIT ?').all(count) as Array<{ id: string }>).map(
      (r) => r.id,
    );
    for (const id of ids) this.db.prepare('DELETE FROM record WHERE id = ?').run(id);
    return ids;
  }

  stats(): { records: number; received: number; duplicates: number; receipts: number; byStatus: Record<string, number> } {
    const counts = this.db
      .prepare('SELECT count(*) AS records, coalesce(sum(packet_received), 0) AS received FROM record')
      .get() as { records: number; received: number };
    const receipts = this.db.prepare('SELECT count(*) AS receipts, coalesce(sum(duplicate), 0) AS duplicates FROM receipt').get() as {
      receipts: number;
      duplicates: number;
    };
    const byStatus = Object.fromEntries(
      (this.db.prepare('SELECT status, count(*) AS n FROM record GROUP BY status').all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
    );
    return { ...counts, ...receipts, byStatus };
  }

  allRecords(stationId: string | null): CentralRecordRow[] {
    return (
      this.db.prepare('SELECT * FROM record WHERE (? IS NULL OR station_id = ?) ORDER BY id').all(stationId, stationId) as RecordSql[]
    ).map(toRecord);
  }
}
