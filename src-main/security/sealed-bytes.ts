import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StationError } from '../core/station-error.js';

/**
 * Sealed bytes: how the station keeps biometric images (and any other secret bytes) at rest.
 *
 * AES-256-GCM with a random 96-bit nonce for every seal. The layout of a sealed value is
 *
 *   offset  length  field
 *   0       1       version, always 0x01 for this layout
 *   1       12      nonce (random per seal; never reused with the same key in practice:
 *                   collision odds stay negligible far beyond the images one station records)
 *   13      16      GCM authentication tag
 *   29      n       ciphertext (same length as the plaintext; n may be 0)
 *
 * The GCM associated data is the version byte followed by the UTF-8 bytes of the caller's
 * `associatedData` (the record id). So the header is authenticated too, and bytes copied
 * into another record's row do not open there.
 *
 * `open` either returns the exact plaintext or throws a StationError: it never returns
 * unauthenticated bytes.
 */

export const SEALED_VERSION = 0x01;
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SEALED_HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

const CIPHER = 'aes-256-gcm';

/** Why sealing or opening was refused; carried as `details.reason`. */
export type SealFailureReason =
  | 'key-length'
  | 'associated-data-empty'
  | 'too-short'
  | 'unknown-version'
  | 'authentication-failed';

const openFailedText = {
  id: 'Data terenkripsi tidak dapat dibuka: data telah diubah atau rusak, milik rekaman lain, atau disegel dengan kunci stasiun lain.',
  en: 'Encrypted data could not be opened: it was altered or damaged, belongs to another record, or was sealed with another station key.',
};

function refuse(reason: SealFailureReason, details: Record<string, unknown> = {}, cause?: unknown): StationError {
  const programmingError = reason === 'key-length' || reason === 'associated-data-empty';
  return new StationError(programmingError ? 'INTERNAL' : 'SEALED_DATA_UNREADABLE', {
    message:
      reason === 'key-length' || reason === 'associated-data-empty'
        ? {
            id: 'Kesalahan program: kunci enkripsi harus 32 byte dan id rekaman tidak boleh kosong.',
            en: 'Programming error: the encryption key must be 32 bytes and the record id must not be empty.',
          }
        : openFailedText,
    details: { reason, ...details },
    cause,
  });
}

function checkInputs(key: Buffer, associatedData: string): Buffer {
  if (key.length !== KEY_BYTES) throw refuse('key-length', { expected: KEY_BYTES, actual: key.length });
  if (associatedData.length === 0) throw refuse('associated-data-empty');
  return Buffer.concat([Buffer.of(SEALED_VERSION), Buffer.from(associatedData, 'utf8')]);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Encrypts `plaintext` for the record `associatedData` (its id). */
export function seal(key: Buffer, plaintext: Uint8Array, associatedData: string): Buffer {
  const aad = checkInputs(key, associatedData);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(asBuffer(plaintext)), cipher.final()]);
  const tag = cipher.getAuthTag();
  return Buffer.concat([Buffer.of(SEALED_VERSION), nonce, tag, body]);
}

/** Decrypts what `seal` produced for the same key and record id, or throws. */
export function open(key: Buffer, sealed: Uint8Array, associatedData: string): Buffer {
  const aad = checkInputs(key, associatedData);
  const bytes = asBuffer(sealed);
  if (bytes.length < SEALED_HEADER_BYTES) {
    throw refuse('too-short', { associatedData, length: bytes.length, minimum: SEALED_HEADER_BYTES });
  }
  if (bytes[0] !== SEALED_VERSION) {
    throw refuse('unknown-version', { associatedData, version: bytes[0], expected: SEALED_VERSION });
  }
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(1 + NONCE_BYTES, SEALED_HEADER_BYTES);
  const body = bytes.subarray(SEALED_HEADER_BYTES);
  const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const head = decipher.update(body);
  try {
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch (error) {
    // The unauthenticated output must not linger in memory longer than needed.
    head.fill(0);
    throw refuse('authentication-failed', { associatedData, length: bytes.length }, error);
  }
}
