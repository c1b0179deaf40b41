import { z } from 'zod';
import { defineMethod } from '../method.js';

export const AuditEntryView = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

const Filter = z
  .object({
    action: z.string().regex(/^[A-Z][A-Z_]{1,47}$/, 'action: capital letters and "_", e.g. LOGIN_FAILED').optional(),
    actor: z.string().trim().min(1).max(64).optional(),
    subject: z.string().trim().min(1).max(64).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof Filter>;

export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    firstBroken: z.number().int().positive(),
    reason: z.enum(['hash-mismatch', 'chain-broken', 'sequence-gap', 'unreadable']),
  }),
]);

export const auditMethods = {
  'audit.search': defineMethod({
    summary: 'The audit log, newest first, filtered by action, actor, subject and time, in pages; with the actions that occur, for the filter.',
    roles: ['supervisor'],
    params: Filter.extend({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.object({ items: z.array(AuditEntryView), nextBeforeSeq: z.number().int().positive().nullable(), actions: z.array(z.string()) }),
  }),
  'audit.exportCsv': defineMethod({
    summary: 'The filtered audit log as a CSV file (oldest first, with each entry\'s hash); the export itself is audited.',
    roles: ['supervisor'],
    audit: { action: 'AUDIT_EXPORTED' },
    params: Filter,
    result: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
  }),
  'audit.verify': defineMethod({
    summary: 'Walk the hash chain of the audit log and name the first broken entry (as `ktp-station audit verify`).',
    roles: ['supervisor', 'technician'],
    params: z.object({}).strict(),
    result: AuditVerification,
  }),
} as const;
