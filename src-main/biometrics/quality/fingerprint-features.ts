/**
 * The fingerprint feature kernel: per block of `blockSize` × `blockSize` pixels, Sobel gradients
 * give the ridge orientation coherence; the block's standard deviation is its contrast, and
 * blocks with contrast are foreground (finger), the rest background. A pure function over raw
 * GRAY8 bytes, the hot loop a native addon may replace (issue #10) with the same output.
 */
export interface FingerprintBlockFeatures {
  blockSize: number;
  blocksX: number;
  blocksY: number;
  /** Per block, row-major: standard deviation of the pixels (0..127.5). */
  contrast: Float32Array;
  /** Per block: orientation coherence 0 (no direction) .. 1 (parallel ridges). */
  coherence: Float32Array;
  /** Per block: 1 foreground, 0 background. */
  foreground: Uint8Array;
}

/** Blocks with a standard deviation below this are background (blank glass, or noise-free). */
export const FOREGROUND_MIN_STD = 12;

export function fingerprintBlockFeatures(pixels: Uint8Array, width: number, height: number, blockSize = 16): FingerprintBlockFeatures {
  const blocksX = Math.floor(width / blockSize);
  const blocksY = Math.floor(height / blockSize);
  const n = blocksX * blocksY;
  const contrast = new Float32Array(n);
  const coherence = new Float32Array(n);
  const foreground = new Uint8Array(n);
  const px = (x: number, y: number) => pixels[y * width + x] ?? 0;
  for (let by = 0; by < blocksY; by += 1) {
    for (let bx = 0; bx < blocksX; bx += 1) {
      let sum = 0;
      let sumSq = 0;
      let gxx = 0;
      let gyy = 0;
      let gxy = 0;
      const x0 = bx * blockSize;
      const y0 = by * blockSize;
      for (let y = y0; y < y0 + blockSize; y += 1) {
        for (let x = x0; x < x0 + blockSize; x += 1) {
          const v = px(x, y);
          sum += v;
          sumSq += v * v;
          if (x === 0 || y === 0 || x === width - 1 || y === height - 1) continue;
          const gx = px(x + 1, y - 1) + 2 * px(x + 1, y) + px(x + 1, y + 1) - px(x - 1, y - 1) - 2 * px(x - 1, y) - px(x - 1, y + 1);
          const gy = px(x - 1, y + 1) + 2 * px(x, y + 1) + px(x + 1, y + 1) - px(x - 1, y - 1) - 2 * px(x, y - 1) - px(x + 1, y - 1);
          gxx += gx * gx;
          gyy += gy * gy;
          gxy += gx * gy;
        }
      }
      const count = blockSize * blockSize;
      const mean = sum / count;
      const std = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
      const i = by * blocksX + bx;
      contrast[i] = std;
      const energy = gxx + gyy;
      coherence[i] = energy === 0 ? 0 : Math.sqrt((gxx - gyy) ** 2 + 4 * gxy * gxy) / energy;
      foreground[i] = std >= FOREGROUND_MIN_STD ? 1 : 0;
    }
  }
  return { blockSize, blocksX, blocksY, contrast, coherence, foreground };
}
