import { z } from 'zod';
import { LocalizedText } from './errors.js';

/** Kinds of capture device a station drives (the config's `devices[].kind`). */
export const DeviceKind = z.enum(['fingerprint', 'iris', 'signature', 'camera']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/**
 * What the operator sees on a device: SIAP (ready), SIBUK (busy capturing), TIDAK_TERHUBUNG
 * (not connected: unplugged, port missing, reconnecting), GALAT (fault the technician must fix:
 * permission, port busy, wrong device, no answer to the handshake).
 */
export const DeviceState = z.enum(['SIAP', 'SIBUK', 'TIDAK_TERHUBUNG', 'GALAT']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceFaultView = z.object({
  /** A transport fault code (PORT_MISSING, PERMISSION_DENIED, PORT_BUSY, DEVICE_GONE, TIMEOUT…) or a driver's (HANDSHAKE_FAILED, NO_DRIVER…). */
  code: z.string(),
  message: LocalizedText,
  at: z.iso.datetime(),
});
export type DeviceFaultView = z.infer<typeof DeviceFaultView>;

/** One configured device with what diagnostics need to say why it is or is not ready. */
export const DeviceStatus = z.object({
  id: z.string(),
  kind: DeviceKind,
  name: z.string(),
  /** The driver (device profile) that drives it, or null when this build has none for the kind. */
  driver: z.string().nullable(),
  transport: z.enum(['serial', 'hid', 'simulated']),
  /** Serial port path or HID path; null for simulated devices. */
  path: z.string().nullable(),
  simulated: z.boolean(),
  state: DeviceState,
  diagnostics: z.object({
    /** The port or device is present on the machine. */
    found: z.boolean(),
    /** The station may open it (null: not known yet). */
    permission: z.boolean().nullable(),
    /** The device answered the driver's probe handshake (null: not tried yet). */
    handshake: z.boolean().nullable(),
    firmware: z.string().nullable(),
    serialNumber: z.string().nullable(),
    lastError: DeviceFaultView.nullable(),
    connectedAt: z.iso.datetime().nullable(),
    /** Times the station reconnected after the device went away. */
    reconnects: z.number().int().nonnegative(),
  }),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** A port seen on the machine, matched against the device profiles by USB ids. */
export const DiscoveredPort = z.object({
  transport: z.enum(['serial', 'hid']),
  path: z.string(),
  vendorId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  /** The profile whose USB ids match, e.g. { kind: 'fingerprint', driver: 'r30x' }. */
  match: z.object({ kind: DeviceKind, driver: z.string() }).nullable(),
  /** The id of the configured device on this path, if any. */
  configuredAs: z.string().nullable(),
});
export type DiscoveredPort = z.infer<typeof DiscoveredPort>;

/** Faults a technician can rehearse on a simulated device in training mode. */
export const SimulatedDeviceFault = z.enum(['noFinger', 'corruptChecksum', 'silent', 'dropMidImage', 'changeBaud', 'unplug', 'plugIn', 'clear']);
export type SimulatedDeviceFault = z.infer<typeof SimulatedDeviceFault>;
