/**
 * The K (black resin) and O (overlay) panels: one bit a dot, 1 = print, in the panel order of
 * panel-geometry.ts. A line is 648 dots = 81 bytes; a panel 82,296 bytes. Pure, over Uint8Array.
 */
import { packBits } from './bit-pack.js';
import { CARD_LAYER } from './panel-geometry.js';
import type { LayerSize } from './panel-geometry.js';

/**
 * Encodes a landscape mask (1016 × 648, or `layer`; 1 byte a dot, non-zero = print) as a 1-bit
 * panel. The JavaScript twin of the native kernel (src-main/imaging/kernels.ts).
 */
export function encodeMonoPanel(mask: Uint8Array, layer: LayerSize = CARD_LAYER): Uint8Array {
  const lines = layer.width;
  const lineDots = layer.height;
  const levels = new Uint8Array(lines * lineDots);
  let at = 0;
  for (let line = 0; line < lines; line += 1) {
    // faceIndexOfPanelDot(line, dot), walked upwards one row per dot
    let index = (lineDots - 1) * lines + line;
    for (let dot = 0; dot < lineDots; dot += 1) {
      levels[at] = mask[index] === 0 ? 0 : 1;
      at += 1;
      index -= lines;
    }
  }
  return packBits(levels, 1);
}
