import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** One entry of the audit log as it is hashed. */
export interface AuditFields {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

/** The hash that starts the chain. */
export const AUDIT_GENESIS = '0'.repeat(64);

/**
 * Each entry's hash covers the previous entry's hash and the entry itself (RFC 8785 canonical
 * JSON), so editing, deleting or reordering any entry breaks every hash after it.
 */
export function auditHash(previous: string, fields: AuditFields): string {
  return createHash('sha256').update(previous, 'utf8').update('\n', 'utf8').update(canonicalJson(fields), 'utf8').digest('hex');
}
