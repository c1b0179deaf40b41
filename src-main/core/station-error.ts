import type { ErrorCode, LocalizedText, StationErrorPayload } from '../contract/errors.js';
import { errorCatalog } from './error-catalog.js';

export interface StationErrorOptions {
  /** A more specific message than the catalog's default. */
  message?: LocalizedText;
  /** Facts for the caller and the log (field paths, limits, ids). Never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type of the station. Its `code` is stable, its message speaks to the
 * operator in both languages, and its details say exactly what was wrong.
 */
export class StationError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: StationErrorOptions = {}) {
    const text = options.message ?? errorCatalog[code].message;
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StationError';
    this.code = code;
    this.text = text;
    this.details = options.details;
  }

  get httpStatus(): number {
    return errorCatalog[this.code].status;
  }

  toPayload(): StationErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.text }
      : { code: this.code, message: this.text, details: this.details };
  }
}

export function isStationError(value: unknown): value is StationError {
  return value instanceof StationError;
}
