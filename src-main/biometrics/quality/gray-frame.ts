import { PNG } from 'pngjs';

/** A raw grayscale frame: one byte per pixel, row-major, 0 black … 255 white. */
export interface GrayFrame {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export const MAX_FRAME_SIDE = 4096;

export type FrameErrorReason = 'dimensions' | 'length';

/** A frame that cannot be assessed as given (the capture path maps it to INVALID_CAPTURE). */
export class FrameError extends Error {
  constructor(
    readonly reason: FrameErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Validates a frame at the boundary: integer sides 1..4096 and exactly width × height bytes. */
export function grayFrame(pixels: Uint8Array, width: number, height: number): GrayFrame {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_FRAME_SIDE || height > MAX_FRAME_SIDE) {
    throw new FrameError('dimensions', `a frame needs integer sides 1..${MAX_FRAME_SIDE}, got ${String(width)} × ${String(height)}`);
  }
  if (!(pixels instanceof Uint8Array) || pixels.length !== width * height) {
    throw new FrameError('length', `a ${width} × ${height} frame is ${width * height} bytes, got ${pixels instanceof Uint8Array ? pixels.length : typeof pixels}`);
  }
  return { width, height, pixels };
}

/** GRAY4 (high nibble first) expanded to GRAY8. */
export function expandGray4(bytes: Uint8Array, width: number, height: number): GrayFrame {
  const count = width * height;
  if (bytes.length !== Math.ceil(count / 2)) throw new FrameError('length', `a ${width} × ${height} GRAY4 frame is ${Math.ceil(count / 2)} bytes, got ${bytes.length}`);
  const pixels = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const byte = bytes[i >> 1] ?? 0;
    pixels[i] = (i % 2 === 0 ? byte >> 4 : byte & 0x0f) * 17;
  }
  return grayFrame(pixels, width, height);
}

/** A PNG decoded to gray (ITU-R BT.601 luma); null when the bytes are not a decodable PNG. */
export function decodePngGray(bytes: Uint8Array): GrayFrame | null {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
  const { width, height, data } = image;
  if (width < 1 || height < 1 || width > MAX_FRAME_SIDE || height > MAX_FRAME_SIDE) return null;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) {
    const r = data[i * 4] ?? 0;
    const g = data[i * 4 + 1] ?? 0;
    const b = data[i * 4 + 2] ?? 0;
    pixels[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, pixels };
}
