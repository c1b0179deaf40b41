/**
 * A printer on a serial port (serialport), 8N1, no flow control: bytes out as the driver writes
 * them, bytes in as chunks through `read`. Also reaches a simulator through a pty.
 */
import { SerialPort } from 'serialport';
import { TransportError } from '../transport.js';
import type { DeviceTransport, TransportEvents } from '../transport.js';
import { ChunkQueue } from './chunk-queue.js';
import { transportErrorOf } from './os-errors.js';

export class SerialPrinterTransport implements DeviceTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | null = null;
  private readonly queue: ChunkQueue;
  private readonly listeners = new Set<TransportEvents['disconnect']>();
  private closing = false;

  constructor(
    readonly path: string,
    private readonly baudRate: number,
  ) {
    this.queue = new ChunkQueue(path);
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    this.closing = false;
    this.queue.reset();
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false, lock: true });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(transportErrorOf(error, this.path)) : resolve()));
    });
    port.on('data', (chunk: Buffer) => this.queue.push(new Uint8Array(chunk)));
    port.on('close', () => {
      const error = new TransportError(this.closing ? 'CLOSED' : 'DEVICE_GONE', this.path, this.closing ? `${this.path} was closed` : `the printer at ${this.path} went away: check the cable and its power`);
      this.queue.fail(error);
      if (!this.closing) for (const listener of this.listeners) listener(error);
    });
    port.on('error', (error: Error) => this.queue.fail(transportErrorOf(error, this.path)));
    this.port = port;
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (port === null || !port.isOpen) throw new TransportError('CLOSED', this.path, `${this.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (error) => (error ? reject(transportErrorOf(error, this.path)) : undefined));
      port.drain((error) => (error ? reject(transportErrorOf(error, this.path)) : resolve()));
    });
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    return this.queue.read(timeoutMs);
  }

  discardInput(): void {
    this.queue.discard();
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port === null || !port.isOpen) return;
    this.closing = true;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  onDisconnect(listener: TransportEvents['disconnect']): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
