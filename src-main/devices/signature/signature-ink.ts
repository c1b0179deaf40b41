import type { StuCapability } from './stu-reports.js';

/** One point of a stroke, in pad coordinates. */
export interface InkPoint {
  x: number;
  y: number;
  pressure: number;
}

/** A signature as the pad saw it: strokes (pen down … pen up) of points. */
export interface SignatureInk {
  strokes: InkPoint[][];
  capability: StuCapability;
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Uint8Array;
}

function stamp(image: GrayImage, cx: number, cy: number, radius: number): void {
  const r = Math.ceil(radius);
  for (let dy = -r; dy <= r; dy += 1) {
    for (let dx = -r; dx <= r; dx += 1) {
      if (dx * dx + dy * dy > radius * radius) continue;
      const x = cx + dx;
      const y = cy + dy;
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      image.pixels[y * image.width + x] = 0;
    }
  }
}

/**
 * Draws the ink as a raw GRAY8 frame `width` pixels wide (height from the pad's aspect), black
 * ink on white, line weight from pressure. This is what is stored and quality-checked.
 */
export function renderSignature(ink: SignatureInk, width = 800): GrayImage {
  const { maxX, maxY, maxPressure } = ink.capability;
  const height = Math.max(1, Math.round((width * maxY) / maxX));
  const image: GrayImage = { width, height, pixels: new Uint8Array(width * height).fill(255) };
  const sx = (width - 1) / maxX;
  const sy = (height - 1) / maxY;
  for (const stroke of ink.strokes) {
    for (let i = 0; i < stroke.length; i += 1) {
      const b = stroke[i];
      if (b === undefined) continue;
      const a = stroke[i - 1] ?? b;
      const x0 = a.x * sx;
      const y0 = a.y * sy;
      const x1 = b.x * sx;
      const y1 = b.y * sy;
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      const radius = 0.8 + (1.6 * b.pressure) / maxPressure;
      for (let s = 0; s <= steps; s += 1) {
        stamp(image, Math.round(x0 + ((x1 - x0) * s) / steps), Math.round(y0 + ((y1 - y0) * s) / steps), radius);
      }
    }
  }
  return image;
}
