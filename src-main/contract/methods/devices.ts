import { z } from 'zod';
import { CaptureSummary, FingerPosition } from '../captures.js';
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
  'training.deviceFault': defineMethod({
    summary: 'Training mode only: make a simulated device misbehave (no finger N times, a corrupt checksum, silence, a transfer dropped halfway, another baud rate, unplug / plug in) to rehearse.',
    roles: ['operator', 'supervisor', 'technician'],
    params: z.object({ id: DeviceId, fault: SimulatedDeviceFault, count: z.number().int().min(1).max(1000).default(1), baudRate: z.number().int().min(9600).max(115200).optional() }).strict(),
    result: DeviceStatus,
  }),
} as const;
