import { AUDIT_GENESIS, auditHash } from '../security/audit-chain.js';
import type { AuditFields } from '../security/audit-chain.js';
import type { StationDatabase } from './database.js';

export type AuditInput = Omit<AuditFields, 'seq'>;

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: number; reason: 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'unreadable' };

interface AuditSqlRow {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The audit log's SQL. Append inside the caller's transaction, so an action and its entry commit together. */
export class AuditRepository {
  constructor(private readonly db: StationDatabase) {}

  append(entry: AuditInput): { seq: number; hash: string } {
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const previous = last?.hash ?? AUDIT_GENESIS;
    const hash = auditHash(previous, { seq, ...entry });
    this.db
      .prepare('INSERT INTO audit_log (seq, at, actor, role, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(seq, entry.at, entry.actor, entry.role, entry.action, entry.subject, JSON.stringify(entry.details), previous, hash);
    return { seq, hash };
  }

  /** Walks the whole chain and names the first entry that does not hold. */
  verify(): AuditVerification {
    let previous = AUDIT_GENESIS;
    let expectedSeq = 1;
    let entries = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditSqlRow>) {
      entries += 1;
      if (row.seq !== expectedSeq) return { ok: false, entries, firstBroken: expectedSeq, reason: 'sequence-gap' };
      if (row.prev_hash !== previous) return { ok: false, entries, firstBroken: row.seq, reason: 'chain-broken' };
      let details: Record<string, unknown>;
      try {
        details = JSON.parse(row.details) as Record<string, unknown>;
      } catch {
        return { ok: false, entries, firstBroken: row.seq, reason: 'unreadable' };
      }
      const fields: AuditFields = { seq: row.seq, at: row.at, actor: row.actor, role: row.role, action: row.action, subject: row.subject, details };
      if (auditHash(previous, fields) !== row.hash) return { ok: false, entries, firstBroken: row.seq, reason: 'hash-mismatch' };
      previous = row.hash;
      expectedSeq += 1;
    }
    return { ok: true, entries, lastHash: previous };
  }

  recent(limit: number): AuditFields[] {
    return (this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as AuditSqlRow[]).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      role: row.role,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
