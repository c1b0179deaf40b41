/**
 * Procedural near-infrared eye images for the iris simulator and the quality tests: a dark
 * pupil, a textured iris (radial furrows and crypts), bright sclera and skin, and eyelids that
 * cover as much of the iris as asked. Deterministic per seed.
 */

import { seededRandom as random } from '../../sim/seeded-random.js';
export interface SyntheticIrisOptions {
  width?: number;
  height?: number;
  seed?: number;
  /** Share of the iris (0..1) covered by the eyelids, upper lid first. */
  occlusion?: number;
  /** Box blur radius in pixels (0: sharp). */
  blur?: number;
  irisRadius?: number;
  pupilRadius?: number;
}

export const EYELID_GRAY = 175;

export function syntheticIris(options: SyntheticIrisOptions = {}): { width: number; height: number; pixels: Uint8Array } {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const next = random(options.seed ?? 7);
  const cx = width / 2 + (next() - 0.5) * width * 0.04;
  const cy = height / 2 + (next() - 0.5) * height * 0.04;
  const irisR = options.irisRadius ?? Math.min(width, height) * 0.26;
  const pupilR = options.pupilRadius ?? irisR * (0.35 + next() * 0.1);
  const occlusion = Math.max(0, Math.min(1, options.occlusion ?? 0));
  // Upper lid takes two thirds of the covered share, the lower lid the rest (lids are drawn as
  // horizontal-ish arcs; the share is measured along the vertical diameter).
  const upperEdge = cy - irisR + 2 * irisR * occlusion * (2 / 3);
  const lowerEdge = cy + irisR - 2 * irisR * occlusion * (1 / 3);
  const phases = Array.from({ length: 6 }, () => next() * Math.PI * 2);
  const freqs = [17, 29, 41, 53, 67, 83];
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dx = x - cx;
      const dy = y - cy;
      const d = Math.hypot(dx, dy);
      const angle = Math.atan2(dy, dx);
      let v: number;
      if (d < pupilR) v = 18 + next() * 6;
      else if (d < irisR) {
        const t = (d - pupilR) / (irisR - pupilR);
        let texture = 0;
        freqs.forEach((f, i) => {
          texture += Math.sin(angle * f + (phases[i] ?? 0) + t * (3 + i)) / (i + 1);
        });
        v = 95 + 22 * texture + 10 * Math.sin(t * 25) + (next() - 0.5) * 10;
      } else v = 200 + (next() - 0.5) * 8;
      const bend = (dx / (irisR * 2.2)) ** 2 * irisR * 0.5;
      if (y < upperEdge + bend || y > lowerEdge - bend) v = EYELID_GRAY + (next() - 0.5) * 10;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  const blur = Math.max(0, Math.floor(options.blur ?? 0));
  return { width, height, pixels: blur === 0 ? pixels : boxBlur(pixels, width, height, blur) };
}

function boxBlur(src: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const tmp = new Float32Array(width * height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let s = 0;
      let n = 0;
      for (let k = -r; k <= r; k += 1) {
        const xx = x + k;
        if (xx < 0 || xx >= width) continue;
        s += src[y * width + xx] ?? 0;
        n += 1;
      }
      tmp[y * width + x] = s / n;
    }
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let s = 0;
      let n = 0;
      for (let k = -r; k <= r; k += 1) {
        const yy = y + k;
        if (yy < 0 || yy >= height) continue;
        s += tmp[yy * width + x] ?? 0;
        n += 1;
      }
      out[y * width + x] = Math.round(s / n);
    }
  }
  return out;
}
