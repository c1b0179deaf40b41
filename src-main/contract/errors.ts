import { z } from 'zod';

/**
 * Every error a caller can receive carries one of these stable codes.
 * Codes never change meaning; new ones are added at the end of their group.
 */
export const ErrorCode = z.enum([
  // the request itself
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_CONTENT_TYPE',
  'UNKNOWN_METHOD',
  'INVALID_PARAMS',
  // who is calling
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'ORIGIN_NOT_ALLOWED',
  'HOST_NOT_ALLOWED',
  'SESSION_REQUIRED',
  'FORBIDDEN_ROLE',
  'TRAINING_ONLY',
  // the station
  'CONFIG_INVALID',
  'CONFIG_UNREADABLE',
  'STORE_FULL',
  'STORE_CORRUPT',
  'STORE_MIGRATION_CHANGED',
  'STORE_NEWER_THAN_APP',
  'STORE_UNAVAILABLE',
  'CORE_UNAVAILABLE',
  // records
  'ILLEGAL_TRANSITION',
  'INVALID_CAPTURE',
  'INVALID_DEMOGRAPHICS',
  'DUPLICATE_NIK',
  'CAPTURES_MISSING',
  'NOT_FOUND',
  'NOT_A_BACKUP',
  'BACKUP_MISMATCH',
  'STATION_RUNNING',
  // keys and sealed data
  'DATA_KEY_UNUSABLE',
  'SEALED_DATA_UNREADABLE',
  // central
  'CENTRAL_NOT_CONFIGURED',
  'CENTRAL_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A message for the operator in both languages of the station. */
export const LocalizedText = z.object({
  id: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The error as it crosses a host boundary (HTTP body, IPC reply). */
export const StationErrorPayload = z.object({
  code: ErrorCode,
  message: LocalizedText,
  details: z.record(z.string(), z.unknown()).optional(),
});
export type StationErrorPayload = z.infer<typeof StationErrorPayload>;

/** The reply of one call, as both hosts carry it: a result or a typed error. */
export type CallOutcome<R> = { ok: true; result: R } | { ok: false; error: StationErrorPayload };
