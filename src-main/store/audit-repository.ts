import { AUDIT_GENESIS, auditHash } from '../security/audit-chain.js';
import type { AuditFields } from '../security/audit-chain.js';
import type { StationDatabase } from './database.js';

export type AuditInput = Omit<AuditFields, 'seq'>;

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: number; reason: 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'unreadable' };

export interface AuditQuery {
  action?: string | undefined;
  actor?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
  oldestFirst?: boolean;
}

function fieldsOf(row: AuditSqlRow): AuditFields {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    role: row.role,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

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

  /** Entries matching every given filter, newest first (keyset paging by seq), with their hashes. */
  search(filter: AuditQuery): Array<AuditFields & { hash: string }> {
    const where: string[] = [];
    const args: Array<string | number> = [];
    if (filter.action !== undefined) {
      where.push('action = ?');
      args.push(filter.action);
    }
    if (filter.actor !== undefined) {
      where.push('actor = ?');
      args.push(filter.actor);
    }
    if (filter.subject !== undefined) {
      where.push('subject = ?');
      args.push(filter.subject);
    }
    if (filter.from !== undefined) {
      where.push('at >= ?');
      args.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('at <= ?');
      args.push(filter.to);
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < ?');
      args.push(filter.beforeSeq);
    }
    const sql = `SELECT * FROM audit_log ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY seq ${filter.oldestFirst === true ? 'ASC' : 'DESC'} LIMIT ?`;
    args.push(filter.limit);
    return (this.db.prepare(sql).all(...args) as AuditSqlRow[]).map((row) => ({ ...fieldsOf(row), hash: row.hash }));
  }

  /** The actions that occur in the log, for the audit page's filter. */
  actions(): string[] {
    return (this.db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as Array<{ action: string }>).map((r) => r.action);
  }

  /** The latest entry of one action, or null. */
  lastOf(action: string): (AuditFields & { hash: string }) | null {
    const row = this.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1').get(action) as AuditSqlRow | undefined;
    return row === undefined ? null : { ...fieldsOf(row), hash: row.hash };
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
