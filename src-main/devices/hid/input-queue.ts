import { TransportError } from '../transport.js';

interface Waiter {
  resolve: (report: Uint8Array) => void;
  reject: (error: TransportError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Input reports waiting to be read, and readers waiting for input reports. One report is one
 * read chunk. A failure (device gone, transport closed) rejects every waiting reader and every
 * later read until `reset()` (the next open).
 */
export class InputQueue {
  private readonly reports: Uint8Array[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: TransportError | null = null;

  constructor(
    private readonly path: string,
    /** Reports kept unread before the oldest are dropped (a device streaming while nobody reads). */
    private readonly capacity = 65_536,
  ) {}

  push(report: Uint8Array): void {
    if (this.failure !== null) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      waiter.resolve(report);
      return;
    }
    this.reports.push(report);
    if (this.reports.length > this.capacity) this.reports.shift();
  }

  take(timeoutMs: number): Promise<Uint8Array> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const ready = this.reports.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      return Promise.reject(new TransportError('IO_ERROR', this.path, `read timeout must be a non-negative number of ms, got ${String(timeoutMs)}`));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index !== -1) this.waiters.splice(index, 1);
          reject(new TransportError('TIMEOUT', this.path, `no report from ${this.path} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Drops unread reports (after a corrupt frame, before a retry). */
  discard(): void {
    this.reports.length = 0;
  }

  get pending(): number {
    return this.reports.length;
  }

  fail(error: TransportError): void {
    this.failure = error;
    this.reports.length = 0;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  reset(): void {
    this.failure = null;
    this.reports.length = 0;
  }
}
