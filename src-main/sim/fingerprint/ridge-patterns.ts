import type { FingerPosition } from '../../contract/captures.js';
import { seededRandom as random, seedOf } from '../seeded-random.js';

/**
 * The simulator's fixture set: one synthetic fingerprint per finger position, 256 × 288 pixels
 * at 4 bits per pixel (the sensor's own format), the same bytes on every station.
 *
 * How they are made: each finger gets a pattern class (arch, tented arch, left loop, right
 * loop, whorl) and a core point; a phase field of that class (distance from the core for a
 * whorl, a radial field cut open below the core for a loop, bent horizontal lines for an arch)
 * is turned into ridges by a cosine of period 8–10 px, inside an elliptical fingertip, with a
 * little seeded noise. Nothing here is a real person's fingerprint.
 */

export const FIXTURE_WIDTH = 256;
export const FIXTURE_HEIGHT = 288;
export const FIXTURE_BYTES = (FIXTURE_WIDTH * FIXTURE_HEIGHT) / 2;

export type RidgeClass = 'arch' | 'tented-arch' | 'left-loop' | 'right-loop' | 'whorl';

const CLASSES: Record<FingerPosition, RidgeClass> = {
  RIGHT_THUMB: 'whorl',
  RIGHT_INDEX: 'right-loop',
  RIGHT_MIDDLE: 'right-loop',
  RIGHT_RING: 'whorl',
  RIGHT_LITTLE: 'arch',
  LEFT_THUMB: 'whorl',
  LEFT_INDEX: 'left-loop',
  LEFT_MIDDLE: 'tented-arch',
  LEFT_RING: 'left-loop',
  LEFT_LITTLE: 'arch',
};

export function ridgeClassOf(position: FingerPosition): RidgeClass {
  return CLASSES[position];
}

/** Ridge phase (in pixels of ridge-normal distance) at (x, y) for a class around core (cx, cy). */
function phase(kind: RidgeClass, x: number, y: number, cx: number, cy: number): number {
  const dx = x - cx;
  const dy = y - cy;
  const r = Math.hypot(dx, dy * 0.85);
  switch (kind) {
    case 'whorl':
      return r + 3 * Math.sin(Math.atan2(dy, dx));
    case 'left-loop':
    case 'right-loop': {
      const side = kind === 'left-loop' ? -1 : 1;
      // Above the core the ridges curve around it; below they run off to one side.
      return dy < 0 ? r : Math.hypot(dx - side * dy * 0.6, dy * 0.4) + dy * 0.9;
    }
    case 'arch':
      return y - 26 * Math.exp(-((dx / 70) ** 2)) * Math.exp(-((dy / 90) ** 2));
    case 'tented-arch':
      return y - 34 * Math.exp(-Math.abs(dx / 30)) * Math.exp(-((dy / 80) ** 2));
  }
}

const cache = new Map<FingerPosition, Uint8Array>();

/** The fixture image of a finger (a fresh copy each call). */
export function ridgePattern(position: FingerPosition): Uint8Array {
  let image = cache.get(position);
  if (image === undefined) {
    image = draw(position);
    cache.set(position, image);
  }
  return image.slice();
}

function draw(position: FingerPosition): Uint8Array {
  const next = random(seedOf(`ridge:${position}`));
  const kind = CLASSES[position];
  const cx = 112 + next() * 32;
  const cy = 118 + next() * 40;
  const period = 8 + next() * 2;
  const bytes = new Uint8Array(FIXTURE_BYTES);
  for (let y = 0; y < FIXTURE_HEIGHT; y += 1) {
    for (let x = 0; x < FIXTURE_WIDTH; x += 1) {
      const inside = ((x - 128) / 112) ** 2 + ((y - 150) / 138) ** 2 < 1;
      let value = 15;
      if (inside) {
        const ridge = 0.5 + 0.5 * Math.cos((2 * Math.PI * phase(kind, x, y, cx, cy)) / period);
        value = Math.max(0, Math.min(15, Math.round(2 + 12 * ridge + (next() - 0.5) * 3)));
      }
      const i = y * FIXTURE_WIDTH + x;
      const byte = bytes[i >> 1] ?? 0;
      bytes[i >> 1] = i % 2 === 0 ? (value << 4) | (byte & 0x0f) : (byte & 0xf0) | value;
    }
  }
  return bytes;
}
