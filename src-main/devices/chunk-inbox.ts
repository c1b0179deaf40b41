import type { TransportError } from './transport.js';
import { transportError } from './transport-errors.js';

/**
 * Received chunks waiting for `read`, shared by every byte transport. One reader at a time
 * (drivers are request/response); a failure (device gone, port closed) rejects the waiting
 * reader and every later read until `reopen`.
 */
export class ChunkInbox {
  private readonly chunks: Uint8Array[] = [];
  private waiter: { resolve: (chunk: Uint8Array) => void; reject: (error: TransportError) => void; timer: NodeJS.Timeout } | null = null;
  private failure: TransportError | null = null;

  constructor(private readonly path: string) {}

  push(chunk: Uint8Array): void {
    if (this.failure !== null || chunk.length === 0) return;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      clearTimeout(waiter.timer);
      waiter.resolve(chunk);
      return;
    }
    this.chunks.push(chunk);
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const ready = this.chunks.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.waiter !== null) {
      return Promise.reject(transportError('IO_ERROR', this.path, new Error('a second read while one is waiting')));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(transportError('TIMEOUT', this.path));
      }, Math.max(0, timeoutMs));
      // A read waiting for a quiet device must not keep a stopping station alive.
      timer.unref();
      this.waiter = { resolve, reject, timer };
    });
  }

  discard(): void {
    this.chunks.length = 0;
  }

  /** Every waiting and later read fails with `error` until `reopen`. */
  fail(error: TransportError): void {
    this.failure ??= error;
    this.chunks.length = 0;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      clearTimeout(waiter.timer);
      waiter.reject(this.failure);
    }
  }

  /** The failure reads get now, or null while the channel works. */
  failed(): TransportError | null {
    return this.failure;
  }

  reopen(): void {
    this.failure = null;
    this.chunks.length = 0;
  }
}
