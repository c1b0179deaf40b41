import { CentralOutcome } from '../contract/enrollment-status.js';
import type { EnrollmentStatus, SuketStatusCode } from '../contract/enrollment-status.js';
import { StationError } from '../core/station-error.js';

/** Statuses in which central sent the record back: the operator corrects and commits again. */
export const RETURNED_TO_OPERATOR: ReadonlySet<EnrollmentStatus> = new Set([
  'DUPLICATE_RECORD',
  'REQUEST_VALIDATION',
  'ENROLL_FAILURE_AT_REGIONAL',
  'ENROLL_FAILURE_AT_CENTRAL',
  'SEARCH_FAILURE_AT_CENTRAL',
]);

const CENTRAL_OUTCOMES: readonly EnrollmentStatus[] = CentralOutcome.options;

/**
 * Every legal move, in one place. DRAFT → COMMITTED on this station; COMMITTED → SENT when the
 * upload is acknowledged; then what central reports. A record central returned goes back to
 * DRAFT for correction; adjudication ends in an outcome; a print-ready record stays there.
 */
const TRANSITIONS: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  DRAFT: ['COMMITTED'],
  COMMITTED: ['SENT', 'DRAFT'],
  SENT: ['SENT_FOR_ENROLLMENT', 'RECEIVED_AT_CENTRAL', ...CENTRAL_OUTCOMES, 'COMMITTED'],
  SENT_FOR_ENROLLMENT: ['RECEIVED_AT_CENTRAL', ...CENTRAL_OUTCOMES, 'COMMITTED'],
  RECEIVED_AT_CENTRAL: [...CENTRAL_OUTCOMES, 'COMMITTED'],
  PRINT_READY_RECORD: [],
  DUPLICATE_RECORD: ['DRAFT', 'ADJUDICATE_RECORD'],
  ADJUDICATE_RECORD: ['PRINT_READY_RECORD', 'DUPLICATE_RECORD', 'REQUEST_VALIDATION'],
  REQUEST_VALIDATION: ['DRAFT'],
  ENROLL_FAILURE_AT_REGIONAL: ['DRAFT', 'COMMITTED'],
  ENROLL_FAILURE_AT_CENTRAL: ['DRAFT', 'COMMITTED'],
  SEARCH_FAILURE_AT_CENTRAL: ['DRAFT', 'COMMITTED'],
};

export function canTransition(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws when a move is not in the table; the record is left as it was. */
export function assertTransition(id: string, from: EnrollmentStatus, to: EnrollmentStatus): void {
  if (!canTransition(from, to)) {
    throw new StationError('ILLEGAL_TRANSITION', {
      message: {
        id: `Rekaman ${id} tidak dapat berpindah dari ${from} ke ${to}.`,
        en: `Record ${id} cannot move from ${from} to ${to}.`,
      },
      details: { id, from, to, allowed: [...TRANSITIONS[from]] },
    });
  }
}

/** The code a Suket prints for a record's status. */
export function suketCode(status: EnrollmentStatus): SuketStatusCode {
  switch (status) {
    case 'PRINT_READY_RECORD':
      return 'PRR';
    case 'DUPLICATE_RECORD':
      return 'DUP';
    case 'SENT':
    case 'SENT_FOR_ENROLLMENT':
    case 'RECEIVED_AT_CENTRAL':
    case 'ADJUDICATE_RECORD':
      return 'SFE';
    case 'REQUEST_VALIDATION':
    case 'ENROLL_FAILURE_AT_REGIONAL':
    case 'ENROLL_FAILURE_AT_CENTRAL':
    case 'SEARCH_FAILURE_AT_CENTRAL':
      return 'Efac';
    case 'DRAFT':
    case 'COMMITTED':
      return 'Pro';
  }
}
