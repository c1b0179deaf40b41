import { z } from 'zod';
import { defineMethod } from '../method.js';
import { Connectivity } from '../status.js';

const SyncStepName = z.enum(['SIGNING_KEY', 'METADATA', 'PACKET', 'ACK', 'STATUS_FEED', 'RECONCILE', 'PRINT_QUEUE', 'REFERENCE']);

export const ReconcileReport = z.object({
  checked: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  different: z.number().int().nonnegative(),
  requeued: z.number().int().nonnegative(),
});
export type ReconcileReport = z.infer<typeof ReconcileReport>;

export const SyncTransfer = z.object({
  enrollmentId: z.string(),
  registrationNo: z.string().nullable(),
  step: z.enum(['METADATA', 'PACKET', 'ACK']),
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative().nullable(),
  startedAt: z.iso.datetime(),
});
export type SyncTransfer = z.infer<typeof SyncTransfer>;

/** The Sinkronisasi page's picture of the link, the queue and the worker. */
export const SyncOverview = z.object({
  /** False when this station has no central to talk to. */
  enabled: z.boolean(),
  centralUrl: z.string().nullable(),
  connectivity: Connectivity,
  backlog: z.object({
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** Waiting records by the step they are at; `failing` have failed at least once. */
    bySteps: z.array(z.object({ step: z.enum(['METADATA', 'PACKET', 'ACK', 'DONE']), count: z.number().int(), bytes: z.number().int(), failing: z.number().int() })),
  }),
  transfers: z.array(SyncTransfer),
  lastSuccessAt: z.iso.datetime().nullable(),
  /** Central asked the station to wait (503 Retry-After) until then. */
  pausedUntil: z.iso.datetime().nullable(),
  breaker: z.enum(['CLOSED', 'OPEN', 'HALF_OPEN']),
  lastReconcile: z.object({ at: z.iso.datetime(), report: ReconcileReport }).nullable(),
  printReady: z.object({ queued: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  references: z.array(z.object({ name: z.string(), version: z.string(), fetchedAt: z.iso.datetime() })),
});
export type SyncOverview = z.infer<typeof SyncOverview>;

export const SyncAttemptView = z.object({
  id: z.number().int(),
  enrollmentId: z.string().nullable(),
  registrationNo: z.string().nullable(),
  step: SyncStepName,
  outcome: z.enum(['OK', 'FAILED']),
  code: z.string().nullable(),
  detail: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  bytesSent: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative(),
});
export type SyncAttemptView = z.infer<typeof SyncAttemptView>;

const SYNC_VIEWERS = ['operator', 'printer', 'technician', 'supervisor'] as const;

export const syncMethods = {
  'sync.overview': defineMethod({
    summary: 'The sync picture: link state, backlog by step and bytes, the transfer in progress, last success, print-ready cache, reference data.',
    roles: SYNC_VIEWERS,
    params: z.object({}).strict(),
    result: SyncOverview,
  }),
  'sync.history': defineMethod({
    summary: 'Attempts to reach central, newest first, each naming its step and, when it failed, why.',
    roles: ['technician', 'supervisor', 'operator'],
    params: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        beforeId: z.number().int().positive().optional(),
        failedOnly: z.boolean().default(false),
        enrollmentId: z.string().min(1).max(40).optional(),
      })
      .strict(),
    result: z.object({ attempts: z.array(SyncAttemptView), nextBeforeId: z.number().int().nullable() }),
  }),
  'sync.now': defineMethod({
    summary: '"Sinkronkan sekarang": every waiting record is due at once and every sync loop runs now.',
    roles: SYNC_VIEWERS,
    params: z.object({}).strict(),
    result: z.object({ due: z.number().int().nonnegative() }),
  }),
  'sync.reconcile': defineMethod({
    summary: 'Ask central which acknowledged records it holds, with which hash, and queue again exactly the missing or different ones.',
    roles: ['supervisor', 'technician'],
    params: z.object({}).strict(),
    result: ReconcileReport,
  }),
  'training.centralLink': defineMethod({
    summary: "Training mode only: play an outage on the embedded central (online, offline, maintenance, flaky) to practise working through it.",
    roles: SYNC_VIEWERS,
    params: z.object({ state: z.enum(['online', 'offline', 'maintenance', 'flaky']) }).strict(),
    result: z.object({ state: z.enum(['online', 'offline', 'maintenance', 'flaky']) }),
  }),
} as const;
