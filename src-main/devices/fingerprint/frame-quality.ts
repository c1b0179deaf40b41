import { IMAGE_HEIGHT, IMAGE_WIDTH } from './packet.js';

/**
 * A first quality estimate of a 4-bit sensor frame, 0–100, for the operator's badge: the share
 * of 16×16 blocks that hold a finger (not blank) times how much ridge/valley contrast those
 * blocks have. The biometrics quality checks (NFIQ-like) refine it; this only needs the frame.
 */
export function frameQuality(image: Uint8Array, width = IMAGE_WIDTH, height = IMAGE_HEIGHT): number {
  const block = 16;
  let blocks = 0;
  let covered = 0;
  let contrastSum = 0;
  for (let by = 0; by + block <= height; by += block) {
    for (let bx = 0; bx + block <= width; bx += block) {
      blocks += 1;
      let sum = 0;
      let sumSq = 0;
      for (let y = by; y < by + block; y += 1) {
        for (let x = bx; x < bx + block; x += 1) {
          const i = y * width + x;
          const byte = image[i >> 1] ?? 0;
          const v = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
          sum += v;
          sumSq += v * v;
        }
      }
      const n = block * block;
      const mean = sum / n;
      const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
      if (mean < 13.5 && sd > 1) {
        covered += 1;
        contrastSum += Math.min(1, sd / 5);
      }
    }
  }
  if (blocks === 0 || covered === 0) return 0;
  const coverage = covered / blocks;
  const contrast = contrastSum / covered;
  return Math.max(0, Math.min(100, Math.round(100 * Math.min(1, coverage / 0.6) * contrast)));
}
