import { PNG } from 'pngjs';
import type { CapturePosition, ImageFormat, Modality } from '../contract/captures.js';
import { seededRandom as random, seedOf } from './seeded-random.js';

/**
 * Synthetic captures for training mode (no devices attached): drawn here, deterministic per
 * position and attempt, so an operator can rehearse the whole wizard. The devices work replaces
 * them with simulators that speak the real device protocols.
 */
export interface SampleCapture {
  format: ImageFormat;
  bytes: Buffer;
  width: number;
  height: number;
  quality: number;
}

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = paint(x, y);
      const i = (y * width + x) * 4;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(image);
}

/** A fingerprint-like frame: curved ridges around a core, 256 × 288 at 4 bits per pixel (the sensor's format). */
function fingerprint(seed: number): SampleCapture {
  const width = 256;
  const height = 288;
  const next = random(seed);
  const cx = 110 + next() * 36;
  const cy = 120 + next() * 48;
  const period = 7 + next() * 2;
  const bytes = Buffer.alloc((width * height) / 2);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dx = x - cx;
      const dy = (y - cy) * 0.8;
      const r = Math.sqrt(dx * dx + dy * dy) + 6 * Math.sin(Math.atan2(dy, dx) * 2);
      const inside = (dx / 110) ** 2 + ((y - 144) / 140) ** 2 < 1;
      const ridge = inside ? 0.5 + 0.5 * Math.cos((2 * Math.PI * r) / period) : 1;
      const value = Math.max(0, Math.min(15, Math.round(15 * ridge + (next() - 0.5) * 3)));
      const i = y * width + x;
      const byte = bytes[i >> 1] ?? 0;
      bytes[i >> 1] = i % 2 === 0 ? (value << 4) | (byte & 0x0f) : (byte & 0xf0) | value;
    }
  }
  return { format: 'GRAY4', bytes, width, height, quality: 55 + Math.round(next() * 40) };
}

function face(seed: number): SampleCapture {
  const next = random(seed);
  const skin: [number, number, number] = [200 + Math.round(next() * 30), 160 + Math.round(next() * 30), 130];
  const width = 240;
  const height = 320;
  const bytes = png(width, height, (x, y) => {
    const head = ((x - 120) / 70) ** 2 + ((y - 140) / 92) ** 2 < 1;
    const eye = ((x - 95) / 9) ** 2 + ((y - 125) / 5) ** 2 < 1 || ((x - 145) / 9) ** 2 + ((y - 125) / 5) ** 2 < 1;
    const mouth = Math.abs(y - 185) < 3 && Math.abs(x - 120) < 22;
    const shoulders = y > 250 && ((x - 120) / 120) ** 2 + ((y - 330) / 80) ** 2 < 1;
    if (eye || mouth) return [60, 40, 40];
    if (head) return skin;
    if (shoulders) return [40, 60, 110];
    return [225, 232, 240];
  });
  return { format: 'PNG', bytes, width, height, quality: 70 + Math.round(next() * 25) };
}

function iris(seed: number): SampleCapture {
  const next = random(seed);
  const width = 320;
  const height = 240;
  const pupil = 28 + next() * 8;
  const bytes = png(width, height, (x, y) => {
    const d = Math.hypot(x - 160, y - 120);
    const angle = Math.atan2(y - 120, x - 160);
    if (d < pupil) return [15, 15, 15];
    if (d < 100) {
      const v = 90 + Math.round(40 * Math.sin(angle * 23 + d / 6));
      return [v, v, v];
    }
    return [190, 180, 175];
  });
  return { format: 'PNG', bytes, width, height, quality: 60 + Math.round(next() * 35) };
}

function signature(seed: number): SampleCapture {
  const next = random(seed);
  const width = 400;
  const height = 160;
  const a = 20 + next() * 20;
  const f = 0.03 + next() * 0.03;
  const bytes = png(width, height, (x, y) => {
    const curve = 80 + a * Math.sin(x * f) * Math.cos(x * f * 0.37);
    const onStroke = x > 30 && x < 370 && Math.abs(y - curve) < 2.2;
    return onStroke ? [20, 30, 90] : [255, 255, 255];
  });
  return { format: 'PNG', bytes, width, height, quality: 80 };
}

export function sampleCapture(modality: Modality, position: CapturePosition, attempt: number): SampleCapture {
  const seed = seedOf(`${modality}:${position}:${attempt}`);
  switch (modality) {
    case 'FINGER':
      return fingerprint(seed);
    case 'FACE':
      return face(seed);
    case 'IRIS':
      return iris(seed);
    case 'SIGNATURE':
      return signature(seed);
  }
}
