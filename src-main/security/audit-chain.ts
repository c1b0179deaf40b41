import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

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
  const text = canonicalize(fields);
  if (text === undefined) throw new Error('audit entry cannot be canonicalised');
  return createHash('sha256').update(previous, 'utf8').update('\n', 'utf8').update(text, 'utf8').digest('hex');
}
