import { TransportError } from '../transport.js';
import type { TransportEvents } from '../transport.js';
import type { HidReportTransport } from './hid-report-transport.js';
import { isWellFormedReport } from './hid-report-transport.js';
import { InputQueue } from './input-queue.js';

/**
 * The device side of an in-memory HID pipe: what a simulator implements. This machine has no
 * /dev/uhid, so a simulator cannot appear as a real hidraw node; instead it sits on the other
 * end of this pipe and sees exactly the reports a driver would send over node-hid.
 */
export interface HidDeviceHandler {
  /** An output report the host wrote (byte 0 = report id). */
  onOutputReport(report: Uint8Array): void;
  /** The host asked for feature report `reportId`; answer with the whole report (id first). */
  onGetFeature(reportId: number, length: number): Uint8Array;
  /** The host set a feature report. */
  onSetFeature(report: Uint8Array): void;
  /** The host opened (true) or closed (false) the device. */
  onOpenChange?(open: boolean): void;
}

/** What a simulator may do to the pipe: send input reports, vanish, come back. */
export interface HidDevicePort {
  sendInputReport(report: Uint8Array): void;
  /** The device is unplugged: the host's waiting reads fail with DEVICE_GONE. */
  unplug(): void;
  /** Plugged in again: the host may open it once more. */
  plugIn(): void;
  readonly attached: boolean;
}

/**
 * An in-memory HID report pipe: the host end is a HidReportTransport (kind 'memory'); the device
 * end is a handler. Reports are copied both ways, so neither side can change the other's bytes.
 * Input reports are delivered on a later microtask, as a real device's would be.
 */
export class MemoryHidPipe implements HidReportTransport, HidDevicePort {
  readonly kind = 'memory' as const;
  private handler: HidDeviceHandler | null = null;
  private opened = false;
  private present = true;
  /** Why the pipe is no longer open, when it did not close on request (the device vanished). */
  private fault: TransportError | null = null;
  private readonly queue: InputQueue;
  private readonly listeners = new Set<TransportEvents['disconnect']>();

  constructor(readonly path = 'memory-hid') {
    this.queue = new InputQueue(path);
  }

  /** Connects the simulator. */
  attach(handler: HidDeviceHandler): this {
    this.handler = handler;
    return this;
  }

  get isOpen(): boolean {
    return this.opened;
  }

  get attached(): boolean {
    return this.present;
  }

  private closedError(): TransportError {
    return this.fault ?? new TransportError('CLOSED', this.path, `${this.path} is not open`);
  }

  private device(): HidDeviceHandler {
    if (!this.opened) throw this.closedError();
    if (!this.present || this.handler === null) throw new TransportError('DEVICE_GONE', this.path, `${this.path} is not attached`);
    return this.handler;
  }

  open(): Promise<void> {
    if (this.opened) return Promise.resolve();
    if (!this.present || this.handler === null) {
      return Promise.reject(new TransportError('PORT_MISSING', this.path, `no device on ${this.path}`));
    }
    this.queue.reset();
    this.fault = null;
    this.opened = true;
    this.handler.onOpenChange?.(true);
    return Promise.resolve();
  }

  write(data: Uint8Array): Promise<void> {
    try {
      const device = this.device();
      if (!isWellFormedReport(data)) throw new TransportError('IO_ERROR', this.path, 'an output report needs 1..4096 bytes, report id first');
      device.onOutputReport(data.slice());
      return Promise.resolve();
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    if (!this.opened) return Promise.reject(this.closedError());
    return this.queue.take(timeoutMs);
  }

  getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    try {
      const answer = this.device().onGetFeature(reportId, length);
      return Promise.resolve(answer.slice(0, Math.max(0, length)));
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  sendFeatureReport(report: Uint8Array): Promise<void> {
    try {
      const device = this.device();
      if (!isWellFormedReport(report)) throw new TransportError('IO_ERROR', this.path, 'a feature report needs 1..4096 bytes, report id first');
      device.onSetFeature(report.slice());
      return Promise.resolve();
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  discardInput(): void {
    this.queue.discard();
  }

  close(): Promise<void> {
    if (this.opened) {
      this.opened = false;
      this.queue.fail(new TransportError('CLOSED', this.path, `${this.path} was closed`));
      this.handler?.onOpenChange?.(false);
    }
    return Promise.resolve();
  }

  onDisconnect(listener: TransportEvents['disconnect']): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- device end ----

  sendInputReport(report: Uint8Array): void {
    if (!this.opened || !this.present) return;
    const copy = report.slice();
    queueMicrotask(() => {
      if (this.opened && this.present) this.queue.push(copy);
    });
  }

  unplug(): void {
    if (!this.present) return;
    this.present = false;
    if (this.opened) {
      this.opened = false;
      const error = new TransportError('DEVICE_GONE', this.path, `${this.path} was unplugged`);
      this.fault = error;
      this.queue.fail(error);
      this.handler?.onOpenChange?.(false);
      for (const listener of this.listeners) listener(error);
    }
  }

  plugIn(): void {
    this.present = true;
  }
}
