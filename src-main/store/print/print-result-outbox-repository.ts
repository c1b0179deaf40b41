import type { StationDatabase } from '../database.js';

/** A print result waiting to reach central; `resultId` is the idempotency key central sees. */
export interface PrintResultEntry {
  resultId: string;
  enrollmentId: string;
  attemptId: string;
  outcome: 'PRINTED' | 'SPOILED';
  /** The JSON body of the PUT, as central's API defines it. */
  body: string;
  state: 'PENDING' | 'ACKED';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  ackedAt: string | null;
}

interface EntrySql {
  result_id: string;
  enrollment_id: string;
  attempt_id: string;
  outcome: 'PRINTED' | 'SPOILED';
  body: string;
  state: 'PENDING' | 'ACKED';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  acked_at: string | null;
}

function toEntry(r: EntrySql): PrintResultEntry {
  return {
    resultId: r.result_id,
    enrollmentId: r.enrollment_id,
    attemptId: r.attempt_id,
    outcome: r.outcome,
    body: r.body,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    ackedAt: r.acked_at,
  };
}

/** Print results for central, written in the same transaction as the attempt they report. */
export class PrintResultOutboxRepository {
  constructor(private readonly db: StationDatabase) {}

  enqueue(e: { resultId: string; enrollmentId: string; attemptId: string; outcome: 'PRINTED' | 'SPOILED'; body: string; createdAt: string }): void {
    this.db
      .prepare(
        `INSERT INTO print_result_outbox (result_id, enrollment_id, attempt_id, outcome, body, state, created_at)
         VALUES (?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (result_id) DO NOTHING`,
      )
      .run(e.resultId, e.enrollmentId, e.attemptId, e.outcome, e.body, e.createdAt);
  }

  due(nowIso: string, limit: number): PrintResultEntry[] {
    return (
      this.db
        .prepare("SELECT * FROM print_result_outbox WHERE state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, result_id LIMIT ?")
        .all(nowIso, limit) as EntrySql[]
    ).map(toEntry);
  }

  pendingCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM print_result_outbox WHERE state = 'PENDING'").get() as { n: number }).n;
  }

  ack(resultId: string, at: string): void {
    this.db.prepare("UPDATE print_result_outbox SET state = 'ACKED', acked_at = ?, last_error = NULL, next_attempt_at = NULL WHERE result_id = ?").run(at, resultId);
  }

  fail(resultId: string, error: string, nextAttemptAt: string): void {
    this.db.prepare('UPDATE print_result_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE result_id = ?').run(error, nextAttemptAt, resultId);
  }

  forAttempt(attemptId: string): PrintResultEntry[] {
    return (this.db.prepare('SELECT * FROM print_result_outbox WHERE attempt_id = ? ORDER BY created_at').all(attemptId) as EntrySql[]).map(toEntry);
  }

  makeAllDue(): number {
    return this.db.prepare("UPDATE print_result_outbox SET next_attempt_at = NULL WHERE state = 'PENDING'").run().changes;
  }
}
