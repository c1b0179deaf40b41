import { describe, expect, it } from 'vitest';
import { EnrollmentStatus } from '../../src-main/contract/enrollment-status.js';
import { assertTransition, canTransition, RETURNED_TO_OPERATOR, suketCode } from '../../src-main/recording/lifecycle.js';

describe('enrollment lifecycle', () => {
  it('follows DRAFT → COMMITTED → SENT → central outcome', () => {
    expect(canTransition('DRAFT', 'COMMITTED')).toBe(true);
    expect(canTransition('COMMITTED', 'SENT')).toBe(true);
    expect(canTransition('SENT', 'RECEIVED_AT_CENTRAL')).toBe(true);
    expect(canTransition('RECEIVED_AT_CENTRAL', 'PRINT_READY_RECORD')).toBe(true);
  });

  it('refuses skipping the station steps and leaving print-ready', () => {
    expect(canTransition('DRAFT', 'SENT')).toBe(false);
    expect(canTransition('DRAFT', 'PRINT_READY_RECORD')).toBe(false);
    for (const to of EnrollmentStatus.options) expect(canTransition('PRINT_READY_RECORD', to)).toBe(false);
    expect(() => assertTransition('01J', 'DRAFT', 'SENT')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', details: expect.objectContaining({ from: 'DRAFT', to: 'SENT' }) }) as Error,
    );
  });

  it('sends every returned record back to the operator as a draft', () => {
    for (const status of RETURNED_TO_OPERATOR) expect(canTransition(status, 'DRAFT'), status).toBe(true);
  });

  it('re-queues a record central lost (reconciliation) from any in-flight state', () => {
    for (const status of ['SENT', 'SENT_FOR_ENROLLMENT', 'RECEIVED_AT_CENTRAL'] as const) {
      expect(canTransition(status, 'COMMITTED'), status).toBe(true);
    }
  });

  it('gives every status a Suket code', () => {
    const codes = Object.fromEntries(EnrollmentStatus.options.map((s) => [s, suketCode(s)]));
    expect(codes).toMatchObject({ DRAFT: 'Pro', COMMITTED: 'Pro', SENT: 'SFE', PRINT_READY_RECORD: 'PRR', DUPLICATE_RECORD: 'DUP', ENROLL_FAILURE_AT_CENTRAL: 'Efac' });
  });
});
