/** Synthetic grayscale frames for the quality tests: made here, deterministic per seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Frame {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Clear ridges: concentric-ish loops around a core over most of a 256 × 288 frame, light noise. */
export function ridgeFrame(seed = 1, options: { coverTopHalf?: boolean; period?: number } = {}): Frame {
  const width = 256;
  const height = 288;
  const next = random(seed);
  const cx = 118 + next() * 20;
  const cy = 130 + next() * 30;
  const period = options.period ?? 8;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dx = x - cx;
      const dy = (y - cy) * 0.8;
      const inside = (dx / 124) ** 2 + ((y - 144) / 150) ** 2 < 1 && !(options.coverTopHalf === true && y < height / 2);
      const r = Math.hypot(dx, dy) + 5 * Math.sin(Math.atan2(dy, dx) * 2);
      const v = inside ? 128 + 100 * Math.cos((2 * Math.PI * r) / period) : 235;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(v + (next() - 0.5) * 20)));
    }
  }
  return { width, height, pixels };
}

export function blankFrame(width = 256, height = 288, value = 235): Frame {
  return { width, height, pixels: new Uint8Array(width * height).fill(value) };
}

export function noiseFrame(width = 256, height = 288, seed = 3): Frame {
  const next = random(seed);
  return { width, height, pixels: Uint8Array.from({ length: width * height }, () => Math.floor(next() * 256)) };
}

/** A portrait: plain light background, a head and shoulders centred. */
export function portraitFrame(options: { width?: number; height?: number; shiftX?: number; background?: 'plain' | 'busy'; brightness?: number } = {}): Frame {
  const width = options.width ?? 480;
  const height = options.height ?? 640;
  const next = random(9);
  const s = width / 240;
  const shift = options.shiftX ?? 0;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const hx = (x - width / 2 - shift) / (70 * s);
      const hy = (y - height * 0.44) / (92 * s);
      const shoulders = y > height * 0.78 && ((x - width / 2 - shift) / (120 * s)) ** 2 + ((y - height * 1.03) / (80 * s)) ** 2 < 1;
      let v = options.background === 'busy' ? 120 + 100 * Math.sin(x / 9) * Math.cos(y / 13) : 220;
      if (hx * hx + hy * hy < 1) v = 165;
      if (shoulders) v = 60;
      v = v * (options.brightness ?? 1) + (next() - 0.5) * 6;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { width, height, pixels };
}

/**
 * Fingers on a live scanner of any size: `fingers` side by side (1 for a single finger at 500 ppi,
 * 4 for a 1600 × 1500 slap), each an ellipse of loop-shaped ridges 9 pixels apart, on light glass,
 * with sensor noise. Deterministic per seed.
 */
export function fingersFrame(width: number, height: number, fingers = 1, seed = 1): Frame {
  const next = random(seed);
  const pixels = new Uint8Array(width * height);
  const columnWidth = width / fingers;
  const cores = Array.from({ length: fingers }, (_, i) => ({
    cx: columnWidth * (i + 0.5) + (next() - 0.5) * columnWidth * 0.1,
    cy: height * (0.45 + (next() - 0.5) * 0.1),
    rx: columnWidth * 0.42,
    ry: height * 0.46,
  }));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const core = cores[Math.min(fingers - 1, Math.floor(x / columnWidth))] ?? { cx: 0, cy: 0, rx: 1, ry: 1 };
      const dx = x - core.cx;
      const dy = y - core.cy;
      const inside = (dx / core.rx) ** 2 + (dy / core.ry) ** 2 < 1;
      const r = Math.hypot(dx, dy * 0.8) + 6 * Math.sin(Math.atan2(dy, dx) * 2);
      const v = inside ? 128 + 100 * Math.cos((2 * Math.PI * r) / 9) : 235;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(v + (next() - 0.5) * 20)));
    }
  }
  return { width, height, pixels };
}
