import { PNG } from 'pngjs';
import type { ImageFormat } from '../contract/captures.js';

/**
 * A PNG the UI can show for any stored capture. Raw sensor frames (GRAY8, GRAY4 high nibble
 * first) are expanded to 8-bit gray; PNG and JPEG are shown as they are; JPEG 2000 and WSQ
 * have no browser decoder, so they get no preview (null).
 */
export function previewImage(format: ImageFormat, bytes: Buffer, width: number | null, height: number | null): { mime: 'image/png' | 'image/jpeg'; bytes: Buffer } | null {
  if (format === 'PNG') return { mime: 'image/png', bytes };
  if (format === 'JPEG') return { mime: 'image/jpeg', bytes };
  if ((format !== 'GRAY8' && format !== 'GRAY4') || width === null || height === null) return null;
  const image = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  const gray = Buffer.alloc(width * height);
  for (let i = 0; i < gray.length; i += 1) {
    if (format === 'GRAY8') gray[i] = bytes[i] ?? 0;
    else {
      const byte = bytes[i >> 1] ?? 0;
      const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
      gray[i] = nibble * 17;
    }
  }
  image.data = gray;
  return { mime: 'image/png', bytes: PNG.sync.write(image, { colorType: 0, inputColorType: 0, bitDepth: 8 }) };
}

/** The preview as the contract carries it (base64), or null when the format has none. */
export function previewPayload(
  format: ImageFormat,
  bytes: Buffer,
  width: number | null,
  height: number | null,
): { mime: 'image/png' | 'image/jpeg'; base64: string } | null {
  const preview = previewImage(format, bytes, width, height);
  return preview === null ? null : { mime: preview.mime, base64: preview.bytes.toString('base64') };
}
