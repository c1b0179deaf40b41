/**
 * Received chunks waiting for a reader: what a byte transport hands `read(timeoutMs)`. One reader
 * at a time; a timeout or a failure rejects it with the transport's own TransportError.
 */
import { TransportError } from '../transport.js';

interface Waiter {
  resolve: (chunk: Uint8Array) => void;
  reject: (error: TransportError) => void;
  timer: NodeJS.Timeout;
}

export class ChunkQueue {
  private chunks: Uint8Array[] = [];
  private waiter: Waiter | null = null;
  private failure: TransportError | null = null;

  constructor(private readonly path: string) {}

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      clearTimeout(waiter.timer);
      waiter.resolve(chunk);
    } else {
      this.chunks.push(chunk);
    }
  }

  /** Every later read fails with `error` (device gone, port closed). */
  fail(error: TransportError): void {
    this.failure = error;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  /** A reopened port reads again. */
  reset(): void {
    this.failure = null;
    this.chunks = [];
  }

  discard(): void {
    this.chunks = [];
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    const first = this.chunks.shift();
    if (first !== undefined) return Promise.resolve(first);
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.waiter !== null) return Promise.reject(new TransportError('IO_ERROR', this.path, 'only one read may wait at a time'));
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new TransportError('TIMEOUT', this.path, `the device at ${this.path} sent nothing for ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
    });
  }
}
