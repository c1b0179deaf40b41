import type { StationDatabase } from '../database.js';

export type BlankoMovementKind = 'RECEIVE' | 'CONSUME' | 'SPOIL' | 'COUNT';

/** One line of the blanko ledger. Lines are only ever appended (triggers refuse UPDATE and DELETE). */
export interface BlankoMovement {
  id: number;
  at: string;
  kind: BlankoMovementKind;
  /** Signed change of the stock: +n received, −1 fed into a printer, −1 or 0 spoiled, counted − expected. */
  quantity: number;
  serialFrom: string | null;
  serialTo: string | null;
  attemptId: string | null;
  counted: number | null;
  expected: number | null;
  reason: string | null;
  actor: string;
}

interface MovementSql {
  id: number;
  at: string;
  kind: BlankoMovementKind;
  quantity: number;
  serial_from: string | null;
  serial_to: string | null;
  attempt_id: string | null;
  counted: number | null;
  expected: number | null;
  reason: string | null;
  actor: string;
}

function toMovement(r: MovementSql): BlankoMovement {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    quantity: r.quantity,
    serialFrom: r.serial_from,
    serialTo: r.serial_to,
    attemptId: r.attempt_id,
    counted: r.counted,
    expected: r.expected,
    reason: r.reason,
    actor: r.actor,
  };
}

/** The blanko (blank card) ledger: stock is the sum of its lines, never a stored number. */
export class BlankoLedgerRepository {
  constructor(private readonly db: StationDatabase) {}

  append(m: Omit<BlankoMovement, 'id'>): number {
    const row = this.db
      .prepare(
        `INSERT INTO blanko_ledger (at, kind, quantity, serial_from, serial_to, attempt_id, counted, expected, reason, actor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(m.at, m.kind, m.quantity, m.serialFrom, m.serialTo, m.attemptId, m.counted, m.expected, m.reason, m.actor) as { id: number };
    return row.id;
  }

  /** Stock after every line written before `beforeIso` (all lines when null). */
  stock(beforeIso: string | null = null): number {
    const r = this.db.prepare('SELECT coalesce(sum(quantity), 0) AS n FROM blanko_ledger WHERE (? IS NULL OR at < ?)').get(beforeIso, beforeIso) as { n: number };
    return r.n;
  }

  movements(query: { limit: number; beforeId?: number | undefined }): BlankoMovement[] {
    return (
      this.db
        .prepare('SELECT * FROM blanko_ledger WHERE (? IS NULL OR id < ?) ORDER BY id DESC LIMIT ?')
        .all(query.beforeId ?? null, query.beforeId ?? null, query.limit) as MovementSql[]
    ).map(toMovement);
  }

  /** Lines written after line `afterId` (0: all). */
  since(afterId: number): BlankoMovement[] {
    return (this.db.prepare('SELECT * FROM blanko_ledger WHERE id > ? ORDER BY id').all(afterId) as MovementSql[]).map(toMovement);
  }

  between(fromIso: string, toIso: string): BlankoMovement[] {
    return (this.db.prepare('SELECT * FROM blanko_ledger WHERE at >= ? AND at < ? ORDER BY id').all(fromIso, toIso) as MovementSql[]).map(toMovement);
  }

  lastCount(): BlankoMovement | undefined {
    const r = this.db.prepare("SELECT * FROM blanko_ledger WHERE kind = 'COUNT' ORDER BY id DESC LIMIT 1").get() as MovementSql | undefined;
    return r === undefined ? undefined : toMovement(r);
  }

  forAttempt(attemptId: string): BlankoMovement[] {
    return (this.db.prepare('SELECT * FROM blanko_ledger WHERE attempt_id = ? ORDER BY id').all(attemptId) as MovementSql[]).map(toMovement);
  }

  receivedRanges(): Array<{ serialFrom: string; serialTo: string }> {
    return (
      this.db.prepare("SELECT serial_from, serial_to FROM blanko_ledger WHERE kind = 'RECEIVE' ORDER BY id").all() as Array<{ serial_from: string; serial_to: string }>
    ).map((r) => ({ serialFrom: r.serial_from, serialTo: r.serial_to }));
  }
}
