/**
 * Bit-packing of panel levels, most significant bit first: a dot's level is written with its
 * high bit first, dots follow one another with no gap, and a byte fills from bit 7 down.
 * (At 1 bit a dot: dot 0 of a line is bit 7 of the line's first byte.) Pure, over Uint8Array.
 */

/** Packs `levels` (each < 2^bitsPerDot) into bytes; the caller sizes it to a whole byte. */
export function packBits(levels: Uint8Array, bitsPerDot: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((levels.length * bitsPerDot) / 8));
  if (bitsPerDot === 1) {
    const whole = levels.length >> 3;
    for (let b = 0; b < whole; b += 1) {
      const i = b << 3;
      out[b] =
        ((levels[i] ?? 0) << 7) |
        ((levels[i + 1] ?? 0) << 6) |
        ((levels[i + 2] ?? 0) << 5) |
        ((levels[i + 3] ?? 0) << 4) |
        ((levels[i + 4] ?? 0) << 3) |
        ((levels[i + 5] ?? 0) << 2) |
        ((levels[i + 6] ?? 0) << 1) |
        (levels[i + 7] ?? 0);
    }
    for (let i = whole << 3; i < levels.length; i += 1) {
      out[whole] = (out[whole] ?? 0) | ((levels[i] ?? 0) << (7 - (i & 7)));
    }
    return out;
  }
  let accumulator = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < levels.length; i += 1) {
    accumulator = (accumulator << bitsPerDot) | (levels[i] ?? 0);
    held += bitsPerDot;
    if (held >= 8) {
      held -= 8;
      out[at] = (accumulator >> held) & 0xff;
      at += 1;
      accumulator &= (1 << held) - 1;
    }
  }
  if (held > 0) out[at] = (accumulator << (8 - held)) & 0xff;
  return out;
}
