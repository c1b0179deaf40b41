/**
 * Frames of the Evolis escape-command protocol (public programming guide, ref. A5013):
 * `ESC` + command + `;`-separated parameters + `CR`. A panel download carries its bitmap as the
 * last parameter, raw bytes of a length fixed by the panel's bits per dot, then `CR`. A job ends
 * with 64 NUL bytes of padding, which the printer skips between frames. Pure code.
 */
import { panelBytes } from './panel-geometry.js';

export const ESC = 0x1b;
export const CR = 0x0d;
export const NUL = 0x00;
export const JOB_PADDING_BYTES = 64;

export type PanelName = 'y' | 'm' | 'c' | 'k' | 'o';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A command frame; parameters are ASCII words without `;` or control characters. */
export function encodeCommand(command: string, params: readonly (string | number)[] = []): Uint8Array {
  const words = [command, ...params.map(String)];
  for (const word of words) {
    if (!/^[\x20-\x3a\x3c-\x7e]+$/.test(word)) {
      throw new RangeError(`an escape-command word must be printable ASCII without ";": ${JSON.stringify(word)}`);
    }
  }
  const text = ascii(words.join(';'));
  const frame = new Uint8Array(text.length + 2);
  frame[0] = ESC;
  frame.set(text, 1);
  frame[frame.length - 1] = CR;
  return frame;
}

/** `ESC Db;PANEL;LEVELS;` + bitmap + `CR`: the bitmap must be exactly one panel at that depth. */
export function encodeBitmapDownload(panel: PanelName, bitsPerDot: number, bitmap: Uint8Array): Uint8Array {
  const expected = panelBytes(bitsPerDot);
  if (bitmap.length !== expected) {
    throw new RangeError(`panel ${panel} at ${bitsPerDot} bits a dot is ${expected} bytes, got ${bitmap.length}`);
  }
  const head = ascii(`Db;${panel};${1 << bitsPerDot};`);
  const frame = new Uint8Array(1 + head.length + bitmap.length + 1);
  frame[0] = ESC;
  frame.set(head, 1);
  frame.set(bitmap, 1 + head.length);
  frame[frame.length - 1] = CR;
  return frame;
}

export function jobPadding(): Uint8Array {
  return new Uint8Array(JOB_PADDING_BYTES);
}
