import type { GrayFrame } from './gray-frame.js';
import type { QualityReport } from './quality-report.js';
import { clamp01, toScore } from './quality-report.js';

/** The short side a portrait should have at least (a card photo is printed about 300 px tall). */
export const FACE_MIN_SIDE = 240;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Portrait quality 0–100 (ICAO-style, on gray): resolution (short side), exposure (mean
 * brightness and clipped pixels), background uniformity (the frame's border), and face position
 * (the subject — whatever differs from the background — centred, upper part, a fair share of
 * the frame).
 */
export function faceQuality(frame: GrayFrame): QualityReport {
  const { width, height, pixels } = frame;
  const resolution = clamp01(Math.min(width, height) / FACE_MIN_SIDE);

  let clipped = 0;
  for (const v of pixels) if (v <= 5 || v >= 250) clipped += 1;

  const band = Math.max(1, Math.round(Math.min(width, height) * 0.05));
  const border: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Top and side bands: the bottom band holds the shoulders.
      if (y < band || x < band || x >= width - band) border.push(pixels[y * width + x] ?? 0);
    }
  }
  const bg = median(border);
  let dev = 0;
  for (const v of border) dev += Math.abs(v - bg);
  const background = clamp01(1 - (dev / Math.max(1, border.length) - 4) / 30);

  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let subject = 0;
  let subjectSum = 0;
  for (let y = 0; y < Math.round(height * 0.8); y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (Math.abs((pixels[y * width + x] ?? 0) - bg) <= 30) continue;
      subject += 1;
      subjectSum += pixels[y * width + x] ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  // Exposure is judged on the subject (the face), not on the light background around it.
  const mean = subject === 0 ? 0 : subjectSum / subject;
  const exposure = clamp01(1 - Math.abs(mean - 140) / 100) * clamp01(1 - (clipped / pixels.length - 0.05) / 0.3);
  let position = 0;
  let offCentre = 1;
  let share = 0;
  if (subject > 0) {
    const cx = (minX + maxX) / 2 / width;
    const cy = (minY + maxY) / 2 / height;
    share = ((maxX - minX + 1) * (maxY - minY + 1)) / (width * height);
    offCentre = Math.hypot(cx - 0.5, (cy - 0.42) * 0.8);
    const sizeOk = share < 0.12 ? share / 0.12 : share > 0.85 ? clamp01(1 - (share - 0.85) / 0.15) : 1;
    position = clamp01(1 - (offCentre - 0.05) / 0.25) * sizeOk;
  }
  return {
    score: toScore(resolution * exposure * background * position),
    measures: {
      shortSide: Math.min(width, height),
      meanBrightness: Math.round(mean),
      backgroundDeviation: Math.round((dev / Math.max(1, border.length)) * 10) / 10,
      faceOffCentre: Math.round(offCentre * 1000) / 1000,
      faceShare: Math.round(share * 1000) / 1000,
    },
  };
}
