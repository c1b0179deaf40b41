/**
 * Turns a received panel back into the card: unpacks the levels (most significant bit first)
 * and turns the portrait panel back to the landscape face. The panel's line L, dot D is the
 * card's column x = L, row y = 647 − D (the protocol's portrait order: the card's left edge is the
 * first line, its bottom edge the first dot of each line).
 */
const LINE_DOTS = 648;
const LINES = 1016;
const WIDTH = 1016;

/** Levels of a panel, landscape row-major (1016 × 648), one byte a dot. */
export function decodePanel(bitmap: Uint8Array, bitsPerDot: number): Uint8Array {
  const face = new Uint8Array(WIDTH * LINE_DOTS);
  const mask = (1 << bitsPerDot) - 1;
  let accumulator = 0;
  let held = 0;
  let at = 0;
  for (let line = 0; line < LINES; line += 1) {
    let index = (LINE_DOTS - 1) * WIDTH + line;
    for (let dot = 0; dot < LINE_DOTS; dot += 1) {
      while (held < bitsPerDot) {
        accumulator = ((accumulator << 8) | (bitmap[at] ?? 0)) & 0xffff;
        at += 1;
        held += 8;
      }
      held -= bitsPerDot;
      face[index] = (accumulator >> held) & mask;
      index -= WIDTH;
    }
  }
  return face;
}

/** Ink 0‥255 of a colour panel's levels (0‥2^bits − 1), rounded. */
export function inkOfLevels(levels: Uint8Array, bitsPerDot: number): Uint8Array {
  const top = (1 << bitsPerDot) - 1;
  const ink = new Uint8Array(levels.length);
  for (let i = 0; i < levels.length; i += 1) ink[i] = Math.round(((levels[i] ?? 0) * 255) / top);
  return ink;
}
