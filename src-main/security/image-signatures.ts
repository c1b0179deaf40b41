/**
 * Finds the magic bytes of the image formats the station records, anywhere in a buffer.
 * Tests and the at-rest audit run it over the database file and its WAL to prove that no
 * plaintext image is stored there.
 *
 * Short signatures also occur by chance in random bytes (ciphertext): a 3-byte JPEG
 * signature is expected about once per 16 MiB of ciphertext, a 4-byte one about once per
 * 4 GiB. An audit over large files must read a hit as "look here", not as proof.
 */

export type ImageFormat = 'JPEG' | 'PNG' | 'JPEG2000' | 'WSQ' | 'BMP';

export interface ImageSignature {
  format: ImageFormat;
  offset: number;
}

const JPEG = [0xff, 0xd8, 0xff] as const;
const JPEG2000_CODESTREAM = [0xff, 0x4f, 0xff, 0x51] as const;
const WSQ = [0xff, 0xa0, 0xff, 0xa8] as const;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JP2_BOX = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a] as const;

/** Sizes of the BMP DIB headers in use (CORE, INFO, V2, V3, OS/2 2, V4, V5). */
const BMP_DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
const BMP_MIN_HEADER = 18;

function matches(bytes: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (at + signature.length > bytes.length) return false;
  for (let i = 0; i < signature.length; i++) {
    if (bytes[at + i] !== signature[i]) return false;
  }
  return true;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000;
}

/**
 * "BM", then the file size (any), then two reserved 16-bit words that real writers leave
 * zero (bytes 6-9), then the pixel-data offset (at least past the headers) and a known
 * DIB header size. Requiring all of that keeps text that happens to hold "BM" out.
 */
function isPlausibleBmp(bytes: Uint8Array, at: number): boolean {
  if (at + BMP_MIN_HEADER > bytes.length) return false;
  if (bytes[at] !== 0x42 || bytes[at + 1] !== 0x4d) return false;
  if (bytes[at + 6] !== 0 || bytes[at + 7] !== 0 || bytes[at + 8] !== 0 || bytes[at + 9] !== 0) return false;
  const dibSize = readUint32LE(bytes, at + 14);
  if (!BMP_DIB_HEADER_SIZES.has(dibSize)) return false;
  return readUint32LE(bytes, at + 10) >= 14 + dibSize;
}

/** Every image signature in `bytes`, in order of offset. */
export function findImageSignatures(bytes: Uint8Array): ImageSignature[] {
  const found: ImageSignature[] = [];
  const end = bytes.length;
  for (let at = 0; at < end; at++) {
    switch (bytes[at]) {
      case 0xff:
        if (matches(bytes, at, JPEG)) found.push({ format: 'JPEG', offset: at });
        else if (matches(bytes, at, JPEG2000_CODESTREAM)) found.push({ format: 'JPEG2000', offset: at });
        else if (matches(bytes, at, WSQ)) found.push({ format: 'WSQ', offset: at });
        break;
      case 0x89:
        if (matches(bytes, at, PNG)) found.push({ format: 'PNG', offset: at });
        break;
      case 0x00:
        if (matches(bytes, at, JP2_BOX)) found.push({ format: 'JPEG2000', offset: at });
        break;
      case 0x42:
        if (isPlausibleBmp(bytes, at)) found.push({ format: 'BMP', offset: at });
        break;
      default:
        break;
    }
  }
  return found;
}
