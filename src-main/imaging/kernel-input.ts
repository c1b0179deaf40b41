/**
 * The boundary of the image kernels: what a kernel accepts, checked before either twin runs.
 * The native addon checks the same again in C++ (native/src/addon.cc) and refuses with the same
 * codes, so a bad call fails the same way whichever twin would have run it.
 */
import { types } from 'node:util';

/** Largest image side any kernel accepts (native/src/kernels.h kMaxSide): a 1600 × 1500 slap, a 1016 × 648 card and gray-frame.ts's 4096 limit fit. */
export const MAX_KERNEL_SIDE = 4096;

export type KernelInputCode =
  | 'KERNEL_INPUT_TYPE'
  | 'KERNEL_INPUT_DIMENSIONS'
  | 'KERNEL_INPUT_LENGTH'
  | 'KERNEL_INPUT_OPTION'
  | 'KERNEL_INPUT_RANGE';

const CODES: ReadonlySet<string> = new Set<KernelInputCode>([
  'KERNEL_INPUT_TYPE',
  'KERNEL_INPUT_DIMENSIONS',
  'KERNEL_INPUT_LENGTH',
  'KERNEL_INPUT_OPTION',
  'KERNEL_INPUT_RANGE',
]);

/**
 * A kernel was called with input it does not take: a buffer that is not a Uint8Array (TYPE),
 * a side that is not an integer in 1..4096 (DIMENSIONS), a buffer whose length is not what the
 * dimensions say (LENGTH), an option outside its set (OPTION), a level too large for its bits
 * (RANGE). The callers validate their own input first (gray-frame.ts, card-job.ts), so this
 * names a bug in the caller, never a corrupt capture.
 */
export class KernelInputError extends Error {
  constructor(
    readonly code: KernelInputCode,
    readonly kernel: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${kernel}: ${message}`, options);
    this.name = 'KernelInputError';
  }
}

/** The addon's own refusal (a JavaScript Error with one of the codes above) as a KernelInputError; anything else as it is. */
export function fromNativeError(kernel: string, error: unknown): unknown {
  if (error instanceof Error && !(error instanceof KernelInputError)) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CODES.has(code)) return new KernelInputError(code as KernelInputCode, kernel, error.message, { cause: error });
  }
  return error;
}

/** A Uint8Array (a Buffer is one), also one made in another realm or worker. */
export function checkBytes(kernel: string, name: string, value: unknown): Uint8Array {
  if (!types.isUint8Array(value)) throw new KernelInputError('KERNEL_INPUT_TYPE', kernel, `${name} must be a Uint8Array, got ${describe(value)}`);
  return value;
}

/** An integer in `min..max`; not a number is TYPE, out of range is `code`. */
export function checkInteger(kernel: string, name: string, value: unknown, min: number, max: number, code: KernelInputCode): number {
  if (typeof value !== 'number') throw new KernelInputError('KERNEL_INPUT_TYPE', kernel, `${name} must be a number, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) throw new KernelInputError(code, kernel, `${name} must be an integer in ${min}..${max}, got ${value}`);
  return value;
}

/** An image side: an integer 1..MAX_KERNEL_SIDE. */
export function checkSide(kernel: string, name: string, value: unknown): number {
  return checkInteger(kernel, name, value, 1, MAX_KERNEL_SIDE, 'KERNEL_INPUT_DIMENSIONS');
}

export function checkLength(kernel: string, name: string, bytes: Uint8Array, expected: number): void {
  if (bytes.length !== expected) throw new KernelInputError('KERNEL_INPUT_LENGTH', kernel, `${name} must hold ${expected} bytes, got ${bytes.length}`);
}

export function checkOneOf<T>(kernel: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new KernelInputError('KERNEL_INPUT_OPTION', kernel, `${name} must be one of ${allowed.map((a) => String(a)).join(', ')}, got ${describe(value)}`);
  return value as T;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'object') return Object.prototype.toString.call(value).slice(8, -1);
  return typeof value;
}
