import { createHash } from 'node:crypto';
import type { ImageFormat } from '../contract/captures.js';
import { MAX_CAPTURE_BYTES } from '../contract/captures.js';
import { StationError } from '../core/station-error.js';

const MAGIC: Partial<Record<ImageFormat, readonly (readonly number[])[]>> = {
  JPEG: [[0xff, 0xd8, 0xff]],
  PNG: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  JP2: [
    [0xff, 0x4f, 0xff, 0x51],
    [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a],
  ],
  WSQ: [[0xff, 0xa0, 0xff, 0xa8]],
};

const MAX_SIDE = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function invalid(field: string, reason: string, text: { id: string; en: string }): StationError {
  return new StationError('INVALID_CAPTURE', { message: text, details: { field, reason } });
}

export interface CheckedImage {
  bytes: Buffer;
  sha256: string;
}

/**
 * Checks that bytes are the image they claim to be before anything is stored: not empty, not
 * oversize, the format's signature at the start, and for raw sensor frames exactly
 * width × height pixels.
 */
export function checkCaptureImage(input: {
  format: ImageFormat;
  bytes: Buffer;
  width: number | null;
  height: number | null;
}): CheckedImage {
  const { format, bytes, width, height } = input;
  if (bytes.length === 0) {
    throw invalid('image', 'empty', { id: 'Gambar kosong. Ambil ulang.', en: 'The image is empty. Capture again.' });
  }
  if (bytes.length > MAX_CAPTURE_BYTES) {
    throw invalid('image', 'too-large', {
      id: `Gambar terlalu besar (${bytes.length} byte; paling besar ${MAX_CAPTURE_BYTES}). Periksa pengaturan perangkat.`,
      en: `The image is too large (${bytes.length} bytes; at most ${MAX_CAPTURE_BYTES}). Check the device settings.`,
    });
  }
  if (format === 'GRAY8' || format === 'GRAY4') {
    if (width === null || height === null || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      throw invalid('width', 'dimensions', {
        id: `Bingkai mentah ${format} memerlukan lebar dan tinggi 1–${MAX_SIDE} piksel.`,
        en: `A raw ${format} frame needs a width and height of 1–${MAX_SIDE} pixels.`,
      });
    }
    const expected = format === 'GRAY8' ? width * height : Math.ceil((width * height) / 2);
    if (bytes.length !== expected) {
      throw invalid('image', 'length', {
        id: `Panjang bingkai ${bytes.length} byte tidak cocok dengan ${width}×${height} ${format} (${expected} byte). Ambil ulang.`,
        en: `The frame is ${bytes.length} bytes; ${width}×${height} ${format} needs ${expected}. Capture again.`,
      });
    }
  } else {
    const signatures = MAGIC[format] ?? [];
    if (!signatures.some((magic) => startsWith(bytes, magic))) {
      throw invalid('image', 'not-an-image', {
        id: `Data ini bukan gambar ${format}. Ambil ulang dari perangkat.`,
        en: `These bytes are not a ${format} image. Capture again from the device.`,
      });
    }
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
