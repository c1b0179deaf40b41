import { z } from 'zod';
import { defineMethod } from '../method.js';

const DESK = ['printer', 'supervisor'] as const;
const Reason = z.string().trim().min(5, { message: 'Give a reason of at least 5 characters' }).max(200);

export const PrintQueueState = z.enum(['QUEUED', 'PRINTED', 'SPOILED', 'ALL']);

export const PrintQueueRowView = z.object({
  enrollmentId: z.string(),
  nik: z.string(),
  nama: z.string(),
  kecamatan: z.string(),
  readyAt: z.string(),
  fetchedAt: z.string(),
  state: z.enum(['QUEUED', 'PRINTED', 'SPOILED']),
  attempts: z.number().int().nonnegative(),
  approvalId: z.string().nullable(),
});
export type PrintQueueRowView = z.infer<typeof PrintQueueRowView>;

export const PrintAttemptView = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  batchId: z.string(),
  state: z.enum(['QUEUED', 'PRINTING', 'PRINTED', 'FAILED', 'SPOILED']),
  printer: z.string(),
  approvalId: z.string().nullable(),
  cardFed: z.boolean(),
  faultCode: z.string().nullable(),
  faultDetail: z.string().nullable(),
  spoilReason: z.string().nullable(),
  operator: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  spoiledAt: z.string().nullable(),
});
export type PrintAttemptView = z.infer<typeof PrintAttemptView>;

export const BlankoMovementView = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(['RECEIVE', 'CONSUME', 'SPOIL', 'COUNT']),
  quantity: z.number().int(),
  serialFrom: z.string().nullable(),
  serialTo: z.string().nullable(),
  attemptId: z.string().nullable(),
  counted: z.number().int().nullable(),
  expected: z.number().int().nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
});

export const BlankoStockView = z.object({
  stock: z.number().int(),
  lowThreshold: z.number().int(),
  low: z.boolean(),
  lastCount: BlankoMovementView.nullable(),
  sinceLastCount: z.object({ received: z.number().int(), consumed: z.number().int(), spoiled: z.number().int() }),
  movements: z.array(BlankoMovementView),
});
export type BlankoStockView = z.infer<typeof BlankoStockView>;

const Fault = z.object({ code: z.string(), raw: z.string(), warning: z.boolean() });

export const PrinterStateView = z.object({
  configured: z.boolean(),
  name: z.string().nullable(),
  kind: z.enum(['evolis', 'system']).nullable(),
  model: z.string().nullable(),
  ready: z.boolean(),
  faults: z.array(Fault),
  ribbonRemaining: z.number().int().nullable(),
  busyBatch: z.string().nullable(),
});
export type PrinterStateView = z.infer<typeof PrinterStateView>;

/** One card's progress in a running batch (the `print.progress` event). */
export const PrintProgressEvent = z.object({
  batchId: z.string(),
  attemptId: z.string(),
  enrollmentId: z.string(),
  phase: z.enum(['QUEUED', 'PRINTING', 'PRINTED', 'FAILED', 'SPOILED']),
  fault: z.object({ code: z.string(), detail: z.string() }).nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PrintProgressEvent = z.infer<typeof PrintProgressEvent>;

export const printMethods = {
  'print.queue': defineMethod({
    summary: 'The prefetched print-ready records: search by NIK or name prefix, filter by state and kecamatan, paged.',
    roles: DESK,
    params: z
      .object({
        state: PrintQueueState.default('QUEUED'),
        search: z.string().max(60).nullable().default(null),
        kecamatan: z.string().max(40).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: z.object({ rows: z.array(PrintQueueRowView), total: z.number().int().nonnegative(), busyBatch: z.string().nullable() }),
  }),
  'print.preview': defineMethod({
    summary: 'The card of one record exactly as it would be sent (PNG, 1016 × 648 at 300 dpi) and how each field was fitted.',
    roles: DESK,
    params: z.object({ enrollmentId: z.string().min(1) }).strict(),
    result: z.object({
      png: z.string(),
      fits: z.array(z.object({ field: z.string(), fontPx: z.number(), lines: z.number().int(), shrunk: z.boolean(), wrapped: z.boolean() })),
    }),
  }),
  'print.start': defineMethod({
    summary: 'Prints a batch of records, one card each; progress arrives as print.progress events. A printed record needs a reprint approval first.',
    roles: DESK,
    params: z.object({ enrollmentIds: z.array(z.string().min(1)).min(1).max(500) }).strict(),
    result: z.object({ batchId: z.string(), attemptIds: z.array(z.string()) }),
  }),
  'print.stop': defineMethod({
    summary: 'Stops the running batch after the card now in the printer.',
    roles: DESK,
    params: z.object({}).strict(),
    result: z.object({ stopping: z.boolean() }),
  }),
  'print.batch': defineMethod({
    summary: 'The attempts of one batch with their state and faults.',
    roles: DESK,
    params: z.object({ batchId: z.string().min(1) }).strict(),
    result: z.object({ attempts: z.array(PrintAttemptView), running: z.boolean() }),
  }),
  'print.attempts': defineMethod({
    summary: 'Every print attempt of one record, oldest first.',
    roles: DESK,
    params: z.object({ enrollmentId: z.string().min(1) }).strict(),
    result: z.object({ attempts: z.array(PrintAttemptView) }),
  }),
  'print.spoil': defineMethod({
    summary: 'Marks a printed card spoiled, with a reason: its blank counts as spoiled; the record prints again only with a reprint approval.',
    roles: DESK,
    params: z.object({ attemptId: z.string().min(1), reason: Reason }).strict(),
    result: z.object({ attempt: PrintAttemptView }),
  }),
  'print.approveReprint': defineMethod({
    summary: "A supervisor's approval, with a reason, for one more card of a printed or spoiled record (audited; the supervisor confirms the password first).",
    roles: ['supervisor'],
    reauth: true,
    params: z.object({ enrollmentId: z.string().min(1), reason: Reason }).strict(),
    result: z.object({ approvalId: z.string() }),
  }),
  'print.printerState': defineMethod({
    summary: 'The configured card printer: ready or not, its faults as the printer or its queue reports them.',
    roles: ['printer', 'supervisor', 'technician'],
    params: z.object({}).strict(),
    result: PrinterStateView,
  }),
  'blanko.stock': defineMethod({
    summary: 'Blanko stock (the sum of the append-only ledger), the low-stock threshold, what moved since the last count, recent movements.',
    roles: DESK,
    params: z.object({ limit: z.number().int().min(0).max(500).default(50) }).strict(),
    result: BlankoStockView,
  }),
  'blanko.receive': defineMethod({
    summary: 'Books received blanks: quantity and serial range (the range must hold exactly the quantity and overlap no earlier delivery).',
    roles: DESK,
    params: z
      .object({ quantity: z.number().int().min(1).max(100_000), serialFrom: z.string().trim().min(4).max(24), serialTo: z.string().trim().min(4).max(24), note: z.string().max(200).optional() })
      .strict(),
    result: BlankoStockView,
  }),
  'blanko.spoil': defineMethod({
    summary: 'Books blanks spoiled outside a print job (damaged, dropped), with a reason.',
    roles: DESK,
    params: z.object({ quantity: z.number().int().min(1).max(1000), reason: Reason }).strict(),
    result: BlankoStockView,
  }),
  'blanko.count': defineMethod({
    summary: 'A physical count: a difference from the ledger is refused (STOCK_COUNT_MISMATCH, with the difference) unless explained.',
    roles: DESK,
    params: z.object({ counted: z.number().int().min(0).max(1_000_000), explanation: z.string().max(200).optional() }).strict(),
    result: z.object({ difference: z.number().int(), stock: BlankoStockView }),
  }),
  'print.dailyReport': defineMethod({
    summary: 'The day at the desk: cards printed, spoiled with reasons, Suket issued, stock at opening and closing, the week, and per printer its cards per hour against its rated speed with alerts.',
    roles: DESK,
    params: z.object({ date: z.iso.date().optional(), pdf: z.boolean().default(false) }).strict(),
    result: z.object({
      date: z.string(),
      printed: z.number().int(),
      spoiled: z.array(z.object({ reason: z.string(), count: z.number().int() })),
      spoiledTotal: z.number().int(),
      failedNoCard: z.number().int(),
      suketIssued: z.number().int(),
      stockOpening: z.number().int(),
      stockClosing: z.number().int(),
      received: z.number().int(),
      week: z.array(z.object({ date: z.string(), printed: z.number().int(), spoiled: z.number().int() })),
      printers: z.array(z.object({ name: z.string(), cards: z.number().int(), cardsPerHour: z.number().nullable(), ratedCardsPerHour: z.number().int(), alerts: z.array(z.string()) })),
      pdf: z.string().nullable(),
    }),
  }),
  'print.saveProfile': defineMethod({
    summary: "Saves the printer's current settings as its profile; the daily report alerts when the printer later reports other settings.",
    roles: ['supervisor', 'technician'],
    params: z.object({}).strict(),
    result: z.object({ name: z.string(), settings: z.record(z.string(), z.string()) }),
  }),
  'suket.issue': defineMethod({
    summary: 'A Surat Keterangan (PDF, folio or A4) for a saved record whose card cannot be printed yet, with a QR code holding a payload signed by the station key.',
    roles: ['operator', 'printer', 'supervisor'],
    params: z.object({ enrollmentId: z.string().min(1), paper: z.enum(['FOLIO', 'A4']).default('FOLIO') }).strict(),
    result: z.object({ id: z.string(), statusCode: z.enum(['Pro', 'SFE', 'PRR', 'DUP', 'Efac']), payload: z.string(), pdf: z.string() }),
  }),
  'suket.verify': defineMethod({
    summary: 'Checks a Suket QR payload: the signature, who issued it (station, key fingerprint) and when, and whether it is still valid.',
    roles: ['operator', 'printer', 'supervisor', 'technician'],
    params: z.object({ payload: z.string().min(1).max(4000) }).strict(),
    result: z.object({
      id: z.string(),
      nik: z.string(),
      nama: z.string(),
      statusCode: z.string(),
      issuedAt: z.string(),
      validUntil: z.string(),
      stationId: z.string(),
      issuedBy: z.string(),
      keyFingerprint: z.string(),
      byThisStation: z.boolean(),
      expired: z.boolean(),
    }),
  }),
} as const;
