import type { StationDatabase } from '../database.js';

export type SuketStatusCode = 'Pro' | 'SFE' | 'PRR' | 'DUP' | 'Efac';

export interface SuketRow {
  id: string;
  nik: string;
  enrollmentId: string | null;
  statusCode: SuketStatusCode;
  issuedAt: string;
  validUntil: string;
  issuedBy: string;
  /** The signed payload the QR code carries. */
  payload: string;
}

/** Every Surat Keterangan this station issued. */
export class SuketRepository {
  constructor(private readonly db: StationDatabase) {}

  add(s: SuketRow): void {
    this.db
      .prepare('INSERT INTO suket (id, nik, enrollment_id, status_code, issued_at, valid_until, issued_by, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(s.id, s.nik, s.enrollmentId, s.statusCode, s.issuedAt, s.validUntil, s.issuedBy, s.payload);
  }

  countBetween(fromIso: string, toIso: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM suket WHERE issued_at >= ? AND issued_at < ?').get(fromIso, toIso) as { n: number }).n;
  }
}
