/** Card faces for printer tests: each different, with gradients, text-like black and a partial overlay. */
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../../src-main/print/card-face.js';
import type { CardFace } from '../../src-main/print/card-face.js';

const W = CARD_WIDTH_DOTS;
const H = CARD_HEIGHT_DOTS;

/** A face that differs by `seed`: gradients in RGB, a block of black "text", the overlay off over a corner. */
export function sampleFace(seed: number, overlay: 'partial' | 'full' = 'partial'): CardFace {
  const rgb = new Uint8Array(W * H * 3);
  const black = new Uint8Array(W * H);
  const mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      const i = y * W + x;
      rgb[i * 3] = (x * 255) / (W - 1) + seed * 11;
      rgb[i * 3 + 1] = (y * 255) / (H - 1) + seed * 7;
      rgb[i * 3 + 2] = ((x + y + seed * 37) * 3) & 0xff;
      black[i] = x > 40 + seed && x < 600 && y > 80 && y < 400 && ((x >> 2) + (y >> 3) + seed) % 5 === 0 ? 1 : 0;
      mask[i] = x > 700 && y < 200 ? 0 : 1;
    }
  }
  return { width: W, height: H, rgb, black, overlay: overlay === 'full' ? null : mask };
}
