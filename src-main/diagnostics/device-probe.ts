import type { TransportFaultCode } from '../devices/transport.js';

/** One configured device as the diagnosis names it. */
export interface ConfiguredDevice {
  /** Position in the config's `devices` list. */
  index: number;
  kind: 'fingerprint' | 'iris' | 'signature' | 'camera';
  /** The configured name, else "<kind> <index>". */
  name: string;
  /** How it is reached, in a few words: "/dev/ttyUSB0", "HID 056a:00a8", "simulated". */
  address: string;
}

export interface DeviceIdentity {
  model: string;
  serial: string;
  firmware: string;
}

export type LocateResult =
  | { found: true; resolvedPath: string; facts?: Record<string, string> }
  | { found: false; code: 'PORT_MISSING' | 'NOT_A_DEVICE'; errno: string; detail: string };

export type AccessResult = { ok: true } | { ok: false; code: 'PERMISSION_DENIED'; errno: string; detail: string };

export type BusyResult =
  | { busy: false }
  | { busy: true; holderPid: number | null; holderCommand: string | null; heldByStation: boolean };

/** A handshake failure: a transport fault (TIMEOUT for a silent device) or the device's protocol. */
export type HandshakeFaultCode = TransportFaultCode | 'PROTOCOL_ERROR' | 'WRONG_PASSWORD';

export type HandshakeResult =
  | { ok: true; identity: DeviceIdentity; latencyMs: number }
  | { ok: false; code: HandshakeFaultCode; detail: string; latencyMs: number | null };

export interface DeviceLastError {
  code: string;
  message: string;
  at: string;
}

/**
 * What diagnostics needs to know about one configured device. The device manager implements it
 * for the devices it drives; `serialDeviceProbe` implements it from the filesystem for serial
 * ports, taking the handshake from whoever speaks the device's protocol.
 */
export interface DeviceProbe {
  readonly device: ConfiguredDevice;
  /**
   * The probe talks through the running station's device manager: a port the station holds is
   * its own, and the handshake goes through the driver that holds it.
   */
  readonly managed?: boolean;
  /** Is it there? A serial port's path exists and is a character device. */
  locate(): Promise<LocateResult>;
  /** May this process open it for reading and writing? */
  access(): Promise<AccessResult>;
  /** Does another program hold it? Absent where it cannot be known. */
  busy?(): Promise<BusyResult>;
  /** Does it answer? Absent when no driver for this device is in this build. */
  handshake?(): Promise<HandshakeResult>;
  /** The last error the station saw from this device (this run's, or the device manager's). */
  lastError(): DeviceLastError | null;
}

/** Speaks a device's protocol over its port: given the port path and line rate, returns who answered. */
export type HandshakeFunction = (port: { path: string; baudRate: number }) => Promise<HandshakeResult>;
