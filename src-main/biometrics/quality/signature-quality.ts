import type { GrayFrame } from './gray-frame.js';
import type { QualityReport } from './quality-report.js';
import { clamp01, toScore } from './quality-report.js';

const INK_MAX = 128;
/** Components smaller than this are specks, not strokes. */
const MIN_STROKE_PIXELS = 12;

/**
 * Signature quality 0–100 from the rendered ink: strokes (connected ink components), stroke
 * length (half the ink's boundary, which for a thin line is its length), and the bounding box
 * (a signature spans a fair part of the pad). Nothing signed scores 0; a dot or a short tick
 * scores low; a scribble of hundreds of specks is noise.
 */
export function signatureQuality(frame: GrayFrame): QualityReport {
  const { width, height, pixels } = frame;
  const ink = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && (pixels[y * width + x] ?? 255) < INK_MAX;
  const label = new Int32Array(width * height);
  let strokes = 0;
  let specks = 0;
  let boundary = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  const stack: number[] = [];
  for (let start = 0; start < pixels.length; start += 1) {
    if (label[start] !== 0 || (pixels[start] ?? 255) >= INK_MAX) continue;
    let size = 0;
    label[start] = 1;
    stack.push(start);
    let cMinX = width;
    let cMinY = height;
    let cMaxX = -1;
    let cMaxY = -1;
    let cBoundary = 0;
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      size += 1;
      if (!ink(x - 1, y) || !ink(x + 1, y) || !ink(x, y - 1) || !ink(x, y + 1)) cBoundary += 1;
      if (x < cMinX) cMinX = x;
      if (x > cMaxX) cMaxX = x;
      if (y < cMinY) cMinY = y;
      if (y > cMaxY) cMaxY = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (!ink(nx, ny)) continue;
          const j = ny * width + nx;
          if (label[j] !== 0) continue;
          label[j] = 1;
          stack.push(j);
        }
      }
    }
    if (size < MIN_STROKE_PIXELS) {
      specks += 1;
      continue;
    }
    strokes += 1;
    boundary += cBoundary;
    minX = Math.min(minX, cMinX);
    minY = Math.min(minY, cMinY);
    maxX = Math.max(maxX, cMaxX);
    maxY = Math.max(maxY, cMaxY);
  }
  if (strokes === 0) return { score: 0, measures: { strokes: 0, length: 0, boxWidth: 0, boxHeight: 0, specks } };
  const length = boundary / 2;
  const boxWidth = (maxX - minX + 1) / width;
  const boxHeight = (maxY - minY + 1) / height;
  const lengthScore = clamp01(length / (0.8 * width));
  const boxScore = clamp01(boxWidth / 0.3) * clamp01(boxHeight / 0.12);
  const noiseScore = clamp01(1 - (strokes + specks - 40) / 60);
  return {
    score: toScore(lengthScore * boxScore * noiseScore),
    measures: { strokes, length: Math.round(length), boxWidth: Math.round(boxWidth * 1000) / 1000, boxHeight: Math.round(boxHeight * 1000) / 1000, specks },
  };
}
