import { z } from 'zod';

export const Modality = z.enum(['FACE', 'FINGER', 'IRIS', 'SIGNATURE']);
export type Modality = z.infer<typeof Modality>;

export const FingerPosition = z.enum([
  'RIGHT_THUMB',
  'RIGHT_INDEX',
  'RIGHT_MIDDLE',
  'RIGHT_RING',
  'RIGHT_LITTLE',
  'LEFT_THUMB',
  'LEFT_INDEX',
  'LEFT_MIDDLE',
  'LEFT_RING',
  'LEFT_LITTLE',
]);
export type FingerPosition = z.infer<typeof FingerPosition>;
export const IrisPosition = z.enum(['RIGHT_IRIS', 'LEFT_IRIS']);
export const CapturePosition = z.enum(['FRONTAL', ...FingerPosition.options, ...IrisPosition.options, 'SIGNATURE']);
export type CapturePosition = z.infer<typeof CapturePosition>;

/** What one enrollment must hold before it can be committed: each position once (image or exception). */
export const REQUIRED_CAPTURES: ReadonlyArray<{ modality: Modality; position: CapturePosition }> = [
  { modality: 'FACE', position: 'FRONTAL' },
  ...FingerPosition.options.map((position) => ({ modality: 'FINGER' as const, position })),
  ...IrisPosition.options.map((position) => ({ modality: 'IRIS' as const, position })),
  { modality: 'SIGNATURE', position: 'SIGNATURE' },
];

/**
 * Image encodings a capture may arrive in. GRAY8/GRAY4 are raw sensor frames (one byte, or one
 * nibble high-first, per pixel) and need width and height; the others carry their own header.
 */
export const ImageFormat = z.enum(['JPEG', 'PNG', 'JP2', 'WSQ', 'GRAY8', 'GRAY4']);
export type ImageFormat = z.infer<typeof ImageFormat>;

/** Why a position has no usable image (recorded instead of one, flagged for the supervisor). */
export const CaptureException = z.enum(['AMPUTASI', 'PERBAN', 'BEKAS_LUKA', 'CACAT_BAWAAN', 'TIDAK_DAPAT_DIREKAM']);
export type CaptureException = z.infer<typeof CaptureException>;

/** The largest image accepted for one capture. */
export const MAX_CAPTURE_BYTES = 4 * 1024 * 1024;

export const CaptureSummary = z.object({
  modality: Modality,
  position: CapturePosition,
  attempt: z.number().int().min(1).max(3),
  format: ImageFormat.nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  quality: z.number().int().min(0).max(100).nullable(),
  /** The score is below the station's threshold for this modality: retake, or record an exception. */
  belowThreshold: z.boolean(),
  exceptionReason: CaptureException.nullable(),
  byteLength: z.number().int().nonnegative(),
  sha256: z.string().length(64),
  capturedAt: z.iso.datetime(),
  chosen: z.boolean(),
});
export type CaptureSummary = z.infer<typeof CaptureSummary>;

/** Why a supervisor should look at a position of a record: an exception, or a kept image below threshold. */
export const SupervisorReviewReason = z.enum(['EXCEPTION', 'BELOW_THRESHOLD']);
export const SupervisorReviewItem = z.object({ modality: Modality, position: CapturePosition, reason: SupervisorReviewReason });
export type SupervisorReviewItem = z.infer<typeof SupervisorReviewItem>;
