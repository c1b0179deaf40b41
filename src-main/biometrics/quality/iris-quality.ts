import type { GrayFrame } from './gray-frame.js';
import type { QualityReport } from './quality-report.js';
import { clamp01, toScore } from './quality-report.js';

/** MOSIP's minimum iris diameter in pixels. */
export const IRIS_MIN_DIAMETER = 210;
const PUPIL_MAX = 50;
/** Near-infrared eyelid skin and sclera are brighter than any iris texture. */
const OCCLUDER_MIN = 166;

/**
 * Iris quality 0–100: locates the pupil (the dark blob) and the iris boundary (along the
 * horizontal, which the eyelids leave free), then measures sharpness (mean gradient inside the
 * iris ring) and occlusion (share of the ring covered by bright eyelid). No pupil: 0.
 */
export function irisQuality(frame: GrayFrame): QualityReport {
  const { width, height, pixels } = frame;
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((pixels[y * width + x] ?? 255) < PUPIL_MAX) {
        count += 1;
        sx += x;
        sy += y;
      }
    }
  }
  if (count < 50) return { score: 0, measures: { pupilFound: 0 } };
  const cx = Math.round(sx / count);
  const cy = Math.round(sy / count);
  const pupilR = Math.sqrt(count / Math.PI);
  const at = (x: number, y: number) => pixels[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))] ?? 0;

  /** Distance from the centre where a run of 4 bright pixels starts, going along dx. */
  const edge = (dx: number): number | null => {
    let run = 0;
    for (let d = Math.ceil(pupilR) + 2; ; d += 1) {
      const x = cx + dx * d;
      if (x < 0 || x >= width) return null;
      run = at(x, cy) >= OCCLUDER_MIN ? run + 1 : 0;
      if (run === 4) return d - 3;
    }
  };
  const left = edge(-1);
  const right = edge(1);
  if (left === null || right === null) return { score: 0, measures: { pupilFound: 1, irisBoundaryFound: 0 } };
  const irisR = (left + right) / 2;
  const inner = pupilR + 2;
  const outer = irisR - 2;
  let ring = 0;
  let occluded = 0;
  let gradient = 0;
  let visible = 0;
  for (let y = Math.max(1, Math.floor(cy - outer)); y <= Math.min(height - 2, Math.ceil(cy + outer)); y += 1) {
    for (let x = Math.max(1, Math.floor(cx - outer)); x <= Math.min(width - 2, Math.ceil(cx + outer)); x += 1) {
      const d = Math.hypot(x - cx, y - cy);
      if (d < inner || d > outer) continue;
      ring += 1;
      if (at(x, y) >= OCCLUDER_MIN) {
        occluded += 1;
        continue;
      }
      // Gradient only where all four neighbours are iris too (no eyelid or pupil edge).
      const l = at(x - 1, y);
      const r = at(x + 1, y);
      const u = at(x, y - 1);
      const dn = at(x, y + 1);
      if (l >= OCCLUDER_MIN || r >= OCCLUDER_MIN || u >= OCCLUDER_MIN || dn >= OCCLUDER_MIN) continue;
      gradient += Math.abs(r - l) + Math.abs(dn - u);
      visible += 1;
    }
  }
  const occlusion = ring === 0 ? 1 : occluded / ring;
  const sharpness = visible === 0 ? 0 : gradient / visible;
  const diameter = irisR * 2;
  const sharpScore = clamp01((sharpness - 4) / 14);
  const occlusionScore = clamp01(1 - occlusion / 0.6);
  const sizeScore = clamp01(diameter / IRIS_MIN_DIAMETER);
  return {
    score: toScore(sharpScore * occlusionScore * sizeScore),
    measures: {
      pupilFound: 1,
      irisDiameter: Math.round(diameter),
      sharpness: Math.round(sharpness * 10) / 10,
      occlusion: Math.round(occlusion * 1000) / 1000,
    },
  };
}
