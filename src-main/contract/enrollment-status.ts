import { z } from 'zod';

/**
 * Where an enrollment stands. The first three are the station's own; the rest are SIAK's
 * vocabulary as central reports it, which operators already use.
 */
/** How central's processing of a record ends (or pauses, for adjudication). */
export const CentralOutcome = z.enum([
  'PRINT_READY_RECORD',
  'DUPLICATE_RECORD',
  'ADJUDICATE_RECORD',
  'REQUEST_VALIDATION',
  'ENROLL_FAILURE_AT_REGIONAL',
  'ENROLL_FAILURE_AT_CENTRAL',
  'SEARCH_FAILURE_AT_CENTRAL',
]);
export type CentralOutcome = z.infer<typeof CentralOutcome>;

export const EnrollmentStatus = z.enum([
  'DRAFT',
  'COMMITTED',
  'SENT',
  'SENT_FOR_ENROLLMENT',
  'RECEIVED_AT_CENTRAL',
  ...CentralOutcome.options,
]);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** The short code a Suket carries (Pro, SFE, PRR, DUP, Efac). */
export const SuketStatusCode = z.enum(['Pro', 'SFE', 'PRR', 'DUP', 'Efac']);
export type SuketStatusCode = z.infer<typeof SuketStatusCode>;
