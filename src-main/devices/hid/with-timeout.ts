import { TransportError } from '../transport.js';

/** `promise`, or TransportError('TIMEOUT') on `path` when it has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, path: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TransportError('TIMEOUT', path, `no answer from ${path} within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
