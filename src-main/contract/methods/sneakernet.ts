import { z } from 'zod';
import { defineMethod } from '../method.js';

export const RemovableDriveView = z.object({
  device: z.string(),
  mountPoint: z.string(),
  fsType: z.string(),
  label: z.string(),
  removableFlag: z.boolean(),
  freeBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type RemovableDriveView = z.infer<typeof RemovableDriveView>;

export const SneakernetPreview = z.object({
  /** Committed records central has not acknowledged: what an export would carry. */
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  drives: z.array(RemovableDriveView),
  /** Export folders found at the top of those drives (`partial`: half-written, import refuses it). */
  exportsFound: z.array(z.object({ path: z.string(), name: z.string(), partial: z.boolean() })),
});
export type SneakernetPreview = z.infer<typeof SneakernetPreview>;

export const SneakernetImportReport = z.object({
  dir: z.string(),
  exportId: z.string(),
  originStationId: z.string(),
  total: z.number().int().nonnegative(),
  uploaded: z.number().int().nonnegative(),
  alreadyHeld: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  results: z.array(
    z.object({
      enrollmentId: z.string(),
      registrationNo: z.string(),
      outcome: z.enum(['UPLOADED', 'ALREADY_HELD', 'REFUSED']),
      reason: z.string().nullable(),
    }),
  ),
  /** Where central's signed receipt was written for the origin station; null when it could not be fetched. */
  receiptFile: z.string().nullable(),
  receiptError: z.string().nullable(),
});
export type SneakernetImportReport = z.infer<typeof SneakernetImportReport>;

export const SneakernetProgress = z.object({
  operation: z.enum(['export', 'import']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
});
export type SneakernetProgress = z.infer<typeof SneakernetProgress>;

const Since = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();
const USB_DESK = ['supervisor', 'technician'] as const;
const Path = z.string().min(1).max(4096);

export const sneakernetMethods = {
  'sneakernet.preview': defineMethod({
    summary: 'Kirim via USB: how many records (and bytes) an export would carry, the removable drives found, and export folders on them.',
    roles: USB_DESK,
    params: z.object({ since: Since }).strict(),
    result: SneakernetPreview,
  }),
  'sneakernet.export': defineMethod({
    summary:
      'Write every committed record central has not acknowledged, as its sealed packet, with a signed manifest, into a new folder under outDir (written as .partial, fsynced, renamed). Free space is checked first.',
    roles: USB_DESK,
    params: z.object({ outDir: Path, since: Since }).strict(),
    result: z.object({ dir: z.string().nullable(), count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  }),
  'sneakernet.import': defineMethod({
    summary:
      "Relay another station's USB export to central: check the manifest signature against central's pinned key and every packet's hash, upload each through the idempotent path, write central's signed receipt beside the export.",
    roles: USB_DESK,
    params: z.object({ dir: Path, receiptFile: Path.optional() }).strict(),
    result: SneakernetImportReport,
  }),
  'sneakernet.importReceipt': defineMethod({
    summary: "Apply a receipt a relay brought back: records central's signature says it holds leave this station's outbox.",
    roles: USB_DESK,
    params: z.object({ file: Path }).strict(),
    result: z.object({
      file: z.string(),
      acknowledged: z.number().int().nonnegative(),
      alreadyAcknowledged: z.number().int().nonnegative(),
      notHeld: z.number().int().nonnegative(),
      unknown: z.number().int().nonnegative(),
    }),
  }),
} as const;
