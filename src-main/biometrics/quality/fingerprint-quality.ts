import { fingerprintBlockFeatures } from '../../imaging/kernels.js';
import type { GrayFrame } from './gray-frame.js';
import type { QualityReport } from './quality-report.js';
import { clamp01, toScore } from './quality-report.js';

/**
 * Fingerprint quality 0–100 from the block features: how much of the frame is finger
 * (foreground area), how strong the ridges stand out (contrast), and how well-ordered their
 * flow is (orientation coherence). Blank glass scores 0; noise has no coherent flow; a finger
 * covering half the glass loses most of its area score. The block features come from the
 * native kernel when it loaded, else its JavaScript twin (src-main/imaging/kernels.ts).
 */
export function fingerprintQuality(frame: GrayFrame): QualityReport {
  const f = fingerprintBlockFeatures(frame.pixels, frame.width, frame.height);
  const total = f.blocksX * f.blocksY;
  let fg = 0;
  let coherence = 0;
  let contrast = 0;
  for (let i = 0; i < total; i += 1) {
    if (f.foreground[i] !== 1) continue;
    fg += 1;
    coherence += f.coherence[i] ?? 0;
    contrast += f.contrast[i] ?? 0;
  }
  const area = total === 0 ? 0 : fg / total;
  const meanCoherence = fg === 0 ? 0 : coherence / fg;
  const meanContrast = fg === 0 ? 0 : contrast / fg;
  const areaScore = clamp01((area - 0.3) / 0.4);
  const coherenceScore = clamp01((meanCoherence - 0.25) / 0.5);
  const contrastScore = clamp01(meanContrast / 45);
  return {
    score: toScore(areaScore * coherenceScore * (0.6 + 0.4 * contrastScore)),
    measures: { foregroundArea: round(area), coherence: round(meanCoherence), contrast: round(meanContrast) },
  };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
