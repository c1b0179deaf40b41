import type { EnrollmentStatus } from '../contract/enrollment-status.js';
import type { StationStore } from '../store/station-store.js';
import { canTransition } from './lifecycle.js';

/** Who moves a record when central reports: the history names central, not an operator. */
export const CENTRAL_ACTOR = 'central';

export type CentralReportedStatus = Exclude<EnrollmentStatus, 'DRAFT' | 'COMMITTED' | 'SENT' | 'SENT_FOR_ENROLLMENT'>;

/**
 * Central holds this exact content: the outbox entry leaves the queue and a committed record
 * becomes SENT. Runs inside the caller's transaction. A stale acknowledgement (the record has
 * since been corrected to other content) acknowledges only its own outbox entry.
 */
export function acknowledgeContent(store: StationStore, enrollmentId: string, contentHash: string, at: string): boolean {
  const entry = store.outbox.forContent(enrollmentId, contentHash);
  if (entry !== undefined && (entry.state === 'PENDING' || entry.state === 'IN_FLIGHT')) store.outbox.ack(entry.id, at);
  const row = store.enrollments.get(enrollmentId);
  if (row?.contentHash !== contentHash || row.status !== 'COMMITTED') return entry !== undefined;
  store.enrollments.update({ ...row, status: 'SENT', updatedAt: at });
  store.enrollments.recordEvent({ enrollmentId, from: 'COMMITTED', to: 'SENT', reason: null, actor: CENTRAL_ACTOR, at });
  return true;
}

/**
 * Applies one status central reported for a record's content. Every status central reports
 * implies it held the packet, so it acknowledges too (except an entry reconciliation queued again). Reports about other content (an older
 * version) and moves the lifecycle does not allow are ignored; returns whether anything changed.
 */
export function applyCentralStatus(
  store: StationStore,
  report: { enrollmentId: string; contentHash: string; status: CentralReportedStatus; reason: { code: string; detail: string } | null; at: string },
): 'applied' | 'stale' | 'unchanged' | 'not-allowed' | 'unknown-record' {
  const row = store.enrollments.get(report.enrollmentId);
  if (row === undefined) return 'unknown-record';
  if (row.contentHash !== report.contentHash) return 'stale';
  // The feed may still carry reports made before central lost the record (a data loss that a
  // reconciliation found): an entry queued again is acknowledged only by the worker's own check
  // that central holds it now, never by an older report read from the feed.
  const entry = store.outbox.forContent(report.enrollmentId, report.contentHash);
  const requeuedLive = entry !== undefined && entry.requeued > 0 && (entry.state === 'PENDING' || entry.state === 'IN_FLIGHT');
  if (requeuedLive) return 'unchanged';
  acknowledgeContent(store, report.enrollmentId, report.contentHash, report.at);
  const current = store.enrollments.get(report.enrollmentId);
  if (current === undefined) return 'unknown-record';
  if (current.status === report.status) return 'unchanged';
  if (!canTransition(current.status, report.status)) return 'not-allowed';
  const reason = report.reason === null ? null : `${report.reason.code}: ${report.reason.detail}`;
  store.enrollments.update({ ...current, status: report.status, statusReason: reason, updatedAt: report.at });
  store.enrollments.recordEvent({ enrollmentId: report.enrollmentId, from: current.status, to: report.status, reason, actor: CENTRAL_ACTOR, at: report.at });
  return 'applied';
}

/**
 * Central no longer holds what the station thought it did (reconciliation): a SENT or received
 * record goes back to COMMITTED so the top bar counts it again. A record already decided keeps
 * its status; its upload is queued all the same.
 */
export function markResend(store: StationStore, enrollmentId: string, at: string, reason: string): void {
  const row = store.enrollments.get(enrollmentId);
  if (row === undefined || row.status === 'COMMITTED' || !canTransition(row.status, 'COMMITTED')) return;
  store.enrollments.update({ ...row, status: 'COMMITTED', statusReason: reason, updatedAt: at });
  store.enrollments.recordEvent({ enrollmentId, from: row.status, to: 'COMMITTED', reason, actor: CENTRAL_ACTOR, at });
}
