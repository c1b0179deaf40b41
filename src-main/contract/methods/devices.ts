import { z } from 'zod';
import { CaptureSummary, FingerPosition, IrisPosition } from '../captures.js';
import { DeviceStatus, DiscoveredPort, SimulatedDeviceFault } from '../devices.js';
import { defineMethod } from '../method.js';

const EnrollmentId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'enrollment id must be a ULID');
const DeviceId = z.string().regex(/^[a-z]+-\d+$/, 'device id as devices.list gives it, e.g. "fingerprint-1"');

export const FingerprintCaptureResult = z.object({
  capture: CaptureSummary,
  quality: z.number().int().min(0).max(100),
  preview: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable(),
  /** What the flow went through to get the image (shown to the technician, logged). */
  retries: z.object({
    noFinger: z.number().int().nonnegative(),
    uploads: z.number().int().nonnegative(),
    reconnects: z.number().int().nonnegative(),
  }),
  deviceId: z.string(),
});
export type FingerprintCaptureResult = z.infer<typeof FingerprintCaptureResult>;

const Preview = z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable();

export const IrisCaptureResult = z.object({
  capture: CaptureSummary,
  /** The station's own score of the stored image (null only for a format it cannot read). */
  quality: z.number().int().min(0).max(100).nullable(),
  preview: Preview,
  retries: z.object({
    /** Images asked for again (RESEND) before one arrived whole. */
    resends: z.number().int().nonnegative(),
    reconnects: z.number().int().nonnegative(),
  }),
  deviceId: z.string(),
});
export type IrisCaptureResult = z.infer<typeof IrisCaptureResult>;

export const SignatureCaptureResult = z.object({
  capture: CaptureSummary,
  quality: z.number().int().min(0).max(100).nullable(),
  preview: Preview,
  /** Pen reports received from the pad, and those dropped as corrupt. */
  penReports: z.object({ received: z.number().int().nonnegative(), dropped: z.number().int().nonnegative() }),
  strokes: z.number().int().nonnegative(),
  retries: z.object({ reconnects: z.number().int().nonnegative() }),
  deviceId: z.string(),
});
export type SignatureCaptureResult = z.infer<typeof SignatureCaptureResult>;

export const deviceMethods = {
  'devices.list': defineMethod({
    summary: 'Every configured capture device with its state (SIAP / SIBUK / TIDAK_TERHUBUNG / GALAT) and diagnostics: found, permission, handshake, firmware, serial, last error.',
    roles: ['operator', 'supervisor', 'technician'],
    params: z.object({}).strict(),
    result: z.object({ devices: z.array(DeviceStatus) }),
  }),
  'devices.discover': defineMethod({
    summary: 'Serial ports (and HID devices where a HID lister is installed) on this machine, matched against the device profiles by USB vendor and product id.',
    roles: ['supervisor', 'technician'],
    params: z.object({}).strict(),
    result: z.object({ ports: z.array(DiscoveredPort) }),
  }),
  'devices.reconnect': defineMethod({
    summary: 'Close and reopen one device now (after fixing a cable or a permission) instead of waiting for the next automatic retry.',
    roles: ['operator', 'supervisor', 'technician'],
    params: z.object({ id: DeviceId }).strict(),
    result: DeviceStatus,
  }),
  'devices.captureFingerprint': defineMethod({
    summary: 'Capture one finger of a draft from the fingerprint sensor (waits for the finger, retries a corrupt or interrupted transfer) and store it through the capture path.',
    roles: ['operator', 'supervisor'],
    params: z.object({ enrollmentId: EnrollmentId, position: FingerPosition, deviceId: DeviceId.optional() }).strict(),
    result: FingerprintCaptureResult,
  }),
  'devices.captureIris': defineMethod({
    summary: 'Capture one eye of a draft from the iris camera (status while it finds the eye; a corrupt or interrupted image is asked for again) and store it through the capture path as a GRAY8 frame.',
    roles: ['operator', 'supervisor'],
    params: z.object({ enrollmentId: EnrollmentId, position: IrisPosition, deviceId: DeviceId.optional() }).strict(),
    result: IrisCaptureResult,
  }),
  'devices.captureSignature': defineMethod({
    summary: 'Take the resident\'s signature from the signature pad: inking on, pen reports until the pen has rested, the strokes drawn as a GRAY8 frame and stored through the capture path.',
    roles: ['operator', 'supervisor'],
    params: z.object({ enrollmentId: EnrollmentId, deviceId: DeviceId.optional() }).strict(),
    result: SignatureCaptureResult,
  }),
  'training.deviceFault': defineMethod({
    summary: 'Training mode only: make a simulated device misbehave (no finger, eye or signature N times, a corrupt checksum, silence, a transfer dropped halfway, another baud rate, unplug / plug in) to rehearse. A fault the device cannot show is refused.',
    roles: ['operator', 'supervisor', 'technician'],
    params: z.object({ id: DeviceId, fault: SimulatedDeviceFault, count: z.number().int().min(1).max(1000).default(1), baudRate: z.number().int().min(9600).max(115200).optional() }).strict(),
    result: DeviceStatus,
  }),
} as const;
