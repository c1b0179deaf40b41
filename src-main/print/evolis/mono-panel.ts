/**
 * The K (black resin) and O (overlay) panels: one bit a dot, 1 = print, in the panel order of
 * panel-geometry.ts. A line is 648 dots = 81 bytes; a panel 82,296 bytes. Pure, over Uint8Array.
 */
import { CARD_WIDTH_DOTS } from '../card-face.js';
import { packBits } from './bit-pack.js';
import { PANEL_DOTS, PANEL_LINE_DOTS, PANEL_LINES, faceIndexOfPanelDot } from './panel-geometry.js';

/** Encodes a landscape mask (1016 × 648, 1 byte a dot, non-zero = print) as a 1-bit panel. */
export function encodeMonoPanel(mask: Uint8Array): Uint8Array {
  const levels = new Uint8Array(PANEL_DOTS);
  let at = 0;
  for (let line = 0; line < PANEL_LINES; line += 1) {
    // faceIndexOfPanelDot(line, dot), walked upwards one card row per dot
    let index = faceIndexOfPanelDot(line, 0);
    for (let dot = 0; dot < PANEL_LINE_DOTS; dot += 1) {
      levels[at] = mask[index] === 0 ? 0 : 1;
      at += 1;
      index -= CARD_WIDTH_DOTS;
    }
  }
  return packBits(levels, 1);
}
