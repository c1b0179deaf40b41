import { SerialPort } from 'serialport';
import { ChunkInbox } from '../chunk-inbox.js';
import type { DeviceTransport, TransportError } from '../transport.js';
import { classifyIoError, classifyOpenError, transportError } from '../transport-errors.js';
import type { UsbIds } from '../transport-errors.js';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  /** USB ids of the expected device (for the udev rule in a permission error). */
  usb?: UsbIds;
}

/**
 * DeviceTransport over a serial port (serialport 13): a USB-serial adapter, a COM port, or a
 * pseudo-terminal in tests. The port is locked while open (a second station gets PORT_BUSY).
 * After a disconnect the same object can be opened again once the port is back.
 */
export class SerialTransport implements DeviceTransport {
  readonly kind = 'serial' as const;
  readonly path: string;
  private readonly baudRate: number;
  private readonly usb: UsbIds;
  private port: SerialPort | null = null;
  private readonly inbox: ChunkInbox;
  private readonly listeners = new Set<(error: TransportError) => void>();

  constructor(options: SerialTransportOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate;
    this.usb = options.usb ?? {};
    this.inbox = new ChunkInbox(options.path);
  }

  get isOpen(): boolean {
    return this.port?.isOpen === true;
  }

  open(): Promise<void> {
    if (this.port !== null) return Promise.resolve();
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false, lock: true });
    return new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (error) {
          reject(classifyOpenError(error, this.path, this.usb));
          return;
        }
        this.port = port;
        this.inbox.reopen();
        port.on('data', (chunk: Buffer) => this.inbox.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        // A vanished device shows as a 'close' with a disconnect error, or (on a pty whose
        // other side went away) as a read 'error' (EIO): both mean the device is gone.
        port.on('error', (err: Error) => this.lost(port, classifyIoError(err, this.path, this.usb)));
        port.on('close', (err: unknown) => {
          if (err !== null && err !== undefined) this.lost(port, classifyIoError(err, this.path, this.usb));
        });
        resolve();
      });
    });
  }

  private lost(port: SerialPort, error: TransportError): void {
    if (this.port !== port) return;
    this.port = null;
    this.inbox.fail(error.code === 'IO_ERROR' ? transportError('DEVICE_GONE', this.path, error) : error);
    if (port.isOpen) port.close(() => undefined);
    for (const listener of this.listeners) listener(error);
  }

  write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (port === null) return Promise.reject(this.inbox.failed() ?? transportError('CLOSED', this.path));
    return new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (error) => {
        if (error) {
          reject(classifyIoError(error, this.path, this.usb));
          return;
        }
        port.drain((drainError) => (drainError ? reject(classifyIoError(drainError, this.path, this.usb)) : resolve()));
      });
    });
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    if (this.port === null) return Promise.reject(this.inbox.failed() ?? transportError('CLOSED', this.path));
    return this.inbox.read(timeoutMs);
  }

  discardInput(): void {
    this.inbox.discard();
  }

  close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.inbox.fail(transportError('CLOSED', this.path));
    if (port === null || !port.isOpen) return Promise.resolve();
    return new Promise<void>((resolve) => port.close(() => resolve()));
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
