/**
 * A printer on the Linux USB printer class device (`/dev/usb/lp0` …), opened read-write and
 * non-blocking: writes go to the printer's bulk-out endpoint, reads return what its bulk-in
 * endpoint sent, or EAGAIN when it sent nothing (then `read` polls until its timeout). No
 * library: the kernel's usblp driver is the transport.
 */
import { constants, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { TransportError } from '../transport.js';
import type { DeviceTransport, TransportEvents } from '../transport.js';
import { transportErrorOf } from './os-errors.js';

const READ_CHUNK = 4096;
const POLL_MS = 2;
const MAX_POLL_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isAgain = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && ((error).code === 'EAGAIN' || (error).code === 'EWOULDBLOCK');

export class UsbPrinterTransport implements DeviceTransport {
  /** The contract's kinds are serial, hid and memory; a usblp device is a byte stream like serial. */
  readonly kind = 'serial' as const;
  private handle: FileHandle | null = null;
  private readonly listeners = new Set<TransportEvents['disconnect']>();
  private readonly readBuffer = new Uint8Array(READ_CHUNK);
  private reading = false;

  constructor(readonly path: string) {}

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle !== null) return;
    try {
      this.handle = await open(this.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error: unknown) {
      throw transportErrorOf(error, this.path);
    }
  }

  async write(data: Uint8Array): Promise<void> {
    let at = 0;
    let wait = POLL_MS;
    while (at < data.length) {
      const handle = this.requireOpen();
      try {
        const { bytesWritten } = await handle.write(data, at, data.length - at);
        at += bytesWritten;
        wait = POLL_MS;
      } catch (error: unknown) {
        if (!isAgain(error)) throw this.gone(error);
        await sleep(wait);
        wait = Math.min(MAX_POLL_MS, wait * 2);
      }
    }
  }

  async read(timeoutMs: number): Promise<Uint8Array> {
    if (this.reading) throw new TransportError('IO_ERROR', this.path, 'only one read may wait at a time');
    this.reading = true;
    try {
      const deadline = Date.now() + timeoutMs;
      let wait = POLL_MS;
      for (;;) {
        const handle = this.requireOpen();
        try {
          const { bytesRead } = await handle.read(this.readBuffer, 0, this.readBuffer.length, null);
          if (bytesRead > 0) return this.readBuffer.slice(0, bytesRead);
        } catch (error: unknown) {
          if (!isAgain(error)) throw this.gone(error);
        }
        if (Date.now() >= deadline) throw new TransportError('TIMEOUT', this.path, `the printer at ${this.path} sent nothing for ${timeoutMs} ms`);
        await sleep(wait);
        wait = Math.min(MAX_POLL_MS, wait * 2);
      }
    } finally {
      this.reading = false;
    }
  }

  /** Reads and drops what the kernel holds now (the fd is non-blocking: EAGAIN ends it). */
  discardInput(): void {
    const handle = this.handle;
    if (handle === null) return;
    try {
      while (readSync(handle.fd, this.readBuffer, 0, this.readBuffer.length, null) > 0) {
        // dropped
      }
    } catch {
      // EAGAIN: nothing left; any other error shows on the next read
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle !== null) await handle.close();
  }

  onDisconnect(listener: TransportEvents['disconnect']): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private requireOpen(): FileHandle {
    if (this.handle === null) throw new TransportError('CLOSED', this.path, `${this.path} is not open`);
    return this.handle;
  }

  private gone(error: unknown): TransportError {
    const failure = transportErrorOf(error, this.path);
    if (failure.code === 'DEVICE_GONE') {
      const handle = this.handle;
      this.handle = null;
      void handle?.close().catch(() => undefined);
      for (const listener of this.listeners) listener(failure);
    }
    return failure;
  }
}
