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
  // the print desk
  'CARD_TEXT_DOES_NOT_FIT',
  'CARD_IMAGE_UNUSABLE',
  'CARD_FONT_MISSING',
  'PRINTER_NOT_CONFIGURED',
  'PRINTER_UNAVAILABLE',
  'PRINTER_REPLY_INVALID',
  'REPRINT_NOT_APPROVED',
  'BLANKO_OUT',
  'BLANKO_RANGE_INVALID',
  'STOCK_COUNT_MISMATCH',
  'PRINT_DESK_BUSY',
  'SUKET_INVALID',
  // capture devices
  'DEVICE_NOT_FOUND',
  'DEVICE_NOT_CONNECTED',
  'DEVICE_BUSY',
  'DEVICE_FAULT',
  'CAPTURE_FAILED',
  // accounts, sessions, re-authentication
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SESSION_LOCKED',
  'REAUTH_REQUIRED',
  'PASSWORD_REJECTED',
  'USERNAME_TAKEN',
  'ACCOUNTS_EXIST',
  'PRODUCTION_ONLY',
  'PASSWORD_CHANGE_REQUIRED',
  'INTERNAL',
  // sneakernet: sealed packets carried on a USB stick
  'SNEAKERNET_NO_SPACE',
  'SNEAKERNET_EXPORT_REFUSED',
  'SNEAKERNET_RECEIPT_REFUSED',
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
