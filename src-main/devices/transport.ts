/**
 * One interface over every way a capture device or printer is reached: a serial port
 * (serialport), a HID device (node-hid), or an in-memory pipe to a simulator.
 *
 * Drivers speak their protocol in bytes (serial) or reports (HID) through this and never
 * see the library underneath; the errors are the technician's words, not the OS's.
 */

/** Why a transport failed, each with a fix the technician can apply (see transport-errors). */
export type TransportFaultCode =
  | 'PORT_MISSING'
  | 'PERMISSION_DENIED'
  | 'PORT_BUSY'
  | 'DEVICE_GONE'
  | 'TIMEOUT'
  | 'CLOSED'
  | 'IO_ERROR';

export class TransportError extends Error {
  constructor(
    readonly code: TransportFaultCode,
    /** The port path or HID device path the failure happened on. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

export type TransportKind = 'serial' | 'hid' | 'memory';

export interface TransportEvents {
  /** The device went away (unplugged, port closed by the OS). */
  disconnect: (error: TransportError) => void;
}

/**
 * A byte or report channel to one device. `read` resolves with the next chunk the device sent
 * (bytes for serial, one report for HID), or rejects with TransportError('TIMEOUT') after
 * `timeoutMs`, or with 'DEVICE_GONE' when the device vanished while waiting.
 */
export interface DeviceTransport {
  readonly kind: TransportKind;
  readonly path: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  read(timeoutMs: number): Promise<Uint8Array>;
  /** Drops whatever was received and not yet read (after a corrupt frame, before a retry). */
  discardInput(): void;
  close(): Promise<void>;
  onDisconnect(listener: TransportEvents['disconnect']): () => void;
}
