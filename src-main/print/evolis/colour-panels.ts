/**
 * The Y, M and C panels from the face's RGB layer. Subtractive: cyan ink = 255 − red,
 * magenta = 255 − green, yellow = 255 − blue; each quantised to 2^bits levels
 * (level = ink × (levels − 1) / 255, rounded) and bit-packed in the panel order of
 * panel-geometry.ts. Pure, over Uint8Array.
 *
 * Dithering:
 * - `none`: each dot rounds to the nearest level; every dot is within half a level step
 *   (255 / (levels − 1) / 2) of what was meant. Flat areas stay flat; smooth gradients band.
 * - `floyd-steinberg` (error diffusion): the rounding error of each dot is carried to its
 *   neighbours in panel order — 7/16 to the next dot of the line, 3/16, 5/16 and 1/16 to the
 *   dots before, at and after it on the next line — so the average tone over an area is kept and
 *   gradients do not band. Every dot stays within one level step of what was meant.
 */
import { packBits } from './bit-pack.js';
import { CARD_LAYER, levelsOf } from './panel-geometry.js';
import type { ColourDepth, LayerSize } from './panel-geometry.js';

export type Dithering = 'none' | 'floyd-steinberg';
export const DITHERINGS: readonly Dithering[] = ['none', 'floyd-steinberg'];

export interface ColourPanelOptions {
  readonly bitsPerDot: ColourDepth;
  readonly dithering: Dithering;
}

export interface ColourPanels {
  readonly y: Uint8Array;
  readonly m: Uint8Array;
  readonly c: Uint8Array;
}

/** RGB byte offset of each ink: cyan absorbs red, magenta green, yellow blue. */
const CHANNEL_OF_INK = { c: 0, m: 1, y: 2 } as const;

/**
 * Quantised ink levels of one channel, in panel order (1 byte a dot), of a card face or of any
 * landscape layer (`layer`; the RGB layer holds width × height × 3 bytes).
 */
export function inkLevels(rgb: Uint8Array, channel: 0 | 1 | 2, options: ColourPanelOptions, layer: LayerSize = CARD_LAYER): Uint8Array {
  const top = levelsOf(options.bitsPerDot) - 1;
  const scale = top / 255;
  const lines = layer.width;
  const lineDots = layer.height;
  // One panel dot further is one row up; dot 0 of line L is the bottom row of column L.
  const rowBytes = lines * 3;
  const bottomRow = (lineDots - 1) * lines;
  const levels = new Uint8Array(lines * lineDots);
  if (options.dithering === 'none') {
    let at = 0;
    for (let line = 0; line < lines; line += 1) {
      let index = (bottomRow + line) * 3 + channel;
      for (let dot = 0; dot < lineDots; dot += 1) {
        levels[at] = ((255 - (rgb[index] ?? 255)) * scale + 0.5) | 0;
        at += 1;
        index -= rowBytes;
      }
    }
    return levels;
  }
  // Errors in level units; two line buffers with a guard dot at each end.
  let current = new Float32Array(lineDots + 2);
  let next = new Float32Array(lineDots + 2);
  let at = 0;
  for (let line = 0; line < lines; line += 1) {
    let index = (bottomRow + line) * 3 + channel;
    for (let dot = 0; dot < lineDots; dot += 1) {
      const ink = 255 - (rgb[index] ?? 255);
      index -= rowBytes;
      const wanted = ink * scale + (current[dot + 1] ?? 0);
      const level = Math.min(top, Math.max(0, Math.round(wanted)));
      levels[at] = level;
      at += 1;
      const error = wanted - level;
      current[dot + 2] = (current[dot + 2] ?? 0) + (error * 7) / 16;
      next[dot] = (next[dot] ?? 0) + (error * 3) / 16;
      next[dot + 1] = (next[dot + 1] ?? 0) + (error * 5) / 16;
      next[dot + 2] = (next[dot + 2] ?? 0) + error / 16;
    }
    const done = current;
    current = next;
    next = done;
    next.fill(0);
  }
  return levels;
}

/**
 * Encodes the RGB layer (1016 × 648 × 3, or `layer`) as bit-packed Y, M and C panels. The
 * JavaScript twin of the native kernel (src-main/imaging/kernels.ts chooses between them).
 */
export function encodeColourPanels(rgb: Uint8Array, options: ColourPanelOptions, layer: LayerSize = CARD_LAYER): ColourPanels {
  return {
    y: packBits(inkLevels(rgb, CHANNEL_OF_INK.y, options, layer), options.bitsPerDot),
    m: packBits(inkLevels(rgb, CHANNEL_OF_INK.m, options, layer), options.bitsPerDot),
    c: packBits(inkLevels(rgb, CHANNEL_OF_INK.c, options, layer), options.bitsPerDot),
  };
}
