import { z } from 'zod';
import { CaptureException, CapturePosition, CaptureSummary, ImageFormat, Modality, SupervisorReviewItem } from '../captures.js';
import { Demographics } from '../demographics.js';
import { EnrollmentStatus } from '../enrollment-status.js';
import { defineMethod } from '../method.js';

export const WizardStep = z.enum(['DATA', 'FOTO', 'SIDIK_JARI', 'IRIS', 'TANDA_TANGAN', 'TINJAU']);
export type WizardStep = z.infer<typeof WizardStep>;

export const EnrollmentView = z.object({
  id: z.string(),
  registrationNo: z.string(),
  nik: z.string(),
  status: EnrollmentStatus,
  statusReason: z.string().nullable(),
  demographics: Demographics,
  wizardStep: WizardStep,
  contentHash: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  committedAt: z.iso.datetime().nullable(),
  captures: z.array(CaptureSummary),
  missing: z.array(z.object({ modality: Modality, position: CapturePosition })),
  /** Kept captures flagged for the supervisor (exceptions, images below threshold). */
  supervisorReview: z.array(SupervisorReviewItem),
});
export type EnrollmentView = z.infer<typeof EnrollmentView>;

export const EnrollmentListItem = EnrollmentView.pick({
  id: true,
  registrationNo: true,
  nik: true,
  status: true,
  updatedAt: true,
  committedAt: true,
}).extend({ nama: z.string(), seq: z.number().int() });
export type EnrollmentListItem = z.infer<typeof EnrollmentListItem>;

const RECORDERS = ['operator', 'supervisor'] as const;

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const DashboardSummary = z.object({
  today: z.object({ date: LocalDate, recorded: z.number().int().nonnegative(), target: z.number().int().positive() }),
  byStatus: z.array(z.object({ status: EnrollmentStatus, count: z.number().int().nonnegative() })),
  backlog: z.number().int().nonnegative(),
  lastDays: z.array(z.object({ date: LocalDate, recorded: z.number().int().nonnegative() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

/** An image as stored, plus a preview the browser can show (null for JPEG 2000 / WSQ). */
export const CapturedImage = z.object({
  format: ImageFormat,
  base64: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  preview: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable(),
});
export type CapturedImage = z.infer<typeof CapturedImage>;
const EnrollmentId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'enrollment id must be a ULID');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'image must be base64');

export const enrollmentMethods = {
  'enrollment.startDraft': defineMethod({
    summary: 'Start recording a resident: validate the data (NIK, region, dates) and open a draft. A NIK already on this station needs updateReason.',
    roles: RECORDERS,
    params: z.object({ demographics: z.unknown(), updateReason: z.string().trim().min(5).max(200).optional() }).strict(),
    result: EnrollmentView,
  }),
  'enrollment.updateDraft': defineMethod({
    summary: 'Change the resident data of a draft and/or the wizard step it was left at.',
    roles: RECORDERS,
    params: z.object({ id: EnrollmentId, demographics: z.unknown().optional(), wizardStep: WizardStep.optional() }).strict(),
    result: EnrollmentView,
  }),
  'enrollment.addCapture': defineMethod({
    summary:
      'Store one capture attempt (image, or an exception reason) of a draft; the station scores the image itself (GRAY8, GRAY4, PNG; `quality` is the device\'s own score, used only for formats it cannot read), and the best attempt of a position is kept.',
    roles: RECORDERS,
    params: z
      .object({
        id: EnrollmentId,
        modality: Modality,
        position: CapturePosition,
        image: z
          .object({ format: ImageFormat, base64, width: z.number().int().positive().optional(), height: z.number().int().positive().optional() })
          .strict()
          .optional(),
        exceptionReason: CaptureException.optional(),
        quality: z.number().int().min(0).max(100).optional(),
      })
      .strict()
      .refine((p) => (p.image === undefined) !== (p.exceptionReason === undefined), {
        message: 'give exactly one of image or exceptionReason',
        path: ['image'],
      }),
    result: CaptureSummary,
  }),
  'enrollment.commit': defineMethod({
    summary: 'Commit a complete draft: one transaction writes the record, its captures and the outbox entry with the content hash.',
    roles: RECORDERS,
    params: z.object({ id: EnrollmentId }).strict(),
    result: EnrollmentView,
  }),
  'enrollment.get': defineMethod({
    summary: 'One record with its data and capture summaries (no image bytes).',
    roles: RECORDERS,
    audit: { action: 'RECORD_VIEWED', subjectParam: 'id' },
    params: z.object({ id: EnrollmentId }).strict(),
    result: EnrollmentView,
  }),
  'enrollment.captureImage': defineMethod({
    summary: 'The image of one capture attempt, decrypted, for review.',
    roles: RECORDERS,
    audit: { action: 'BIOMETRIC_VIEWED', subjectParam: 'id' },
    params: z.object({ id: EnrollmentId, modality: Modality, position: CapturePosition, attempt: z.number().int().min(1).max(3) }).strict(),
    result: CapturedImage,
  }),
  'enrollment.receipt': defineMethod({
    summary: "The resident's receipt (tanda terima) of a committed record: a PDF with the registration number and a QR code.",
    roles: RECORDERS,
    audit: { action: 'RECEIPT_PRINTED', subjectParam: 'id' },
    params: z.object({ id: EnrollmentId }).strict(),
    result: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
  'dashboard.summary': defineMethod({
    summary: "The desk's day: residents recorded today against the daily target, records by status, and the last 14 days.",
    roles: RECORDERS,
    params: z.object({}).strict(),
    result: DashboardSummary,
  }),
  'training.sampleCapture': defineMethod({
    summary: 'Training mode only: a synthetic capture (face, fingerprint, iris or signature) in place of a device, with its quality.',
    roles: RECORDERS,
    params: z.object({ modality: Modality, position: CapturePosition, attempt: z.number().int().min(1).max(3).default(1) }).strict(),
    result: CapturedImage.extend({ quality: z.number().int().min(0).max(100) }),
  }),
  'enrollment.returned': defineMethod({
    summary: '"Perlu Perbaikan": records central sent back (duplicate, validation, failure), oldest first, each with the reason central gave.',
    roles: RECORDERS,
    params: z.object({ limit: z.number().int().min(1).max(200).default(100) }).strict(),
    result: z.object({ items: z.array(EnrollmentListItem.extend({ statusReason: z.string().nullable() })) }),
  }),
  'enrollment.reopen': defineMethod({
    summary: 'Open a record central sent back as a draft again, to correct and commit it (a new content hash, a new upload).',
    roles: RECORDERS,
    params: z.object({ id: EnrollmentId }).strict(),
    result: EnrollmentView,
  }),
  'enrollment.search': defineMethod({
    summary: 'Find records by NIK, name prefix, registration number or status, newest first, in pages.',
    roles: RECORDERS,
    params: z
      .object({
        nik: z.string().regex(/^\d{16}$/, 'NIK is 16 digits').optional(),
        namePrefix: z.string().trim().min(1).max(60).optional(),
        registrationNo: z.string().min(1).max(40).optional(),
        status: EnrollmentStatus.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
    result: z.object({ items: z.array(EnrollmentListItem), nextBeforeSeq: z.number().int().nullable() }),
  }),
} as const;
