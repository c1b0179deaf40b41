/**
 * Writes what the simulated printer put on a card, as PNG files in its output folder:
 *   card-NNNN.png      the card as it looks (colour panels, black resin on top), landscape
 *   card-NNNN-ymc.png  the colour panels alone, as RGB (R = 255 − cyan, G = 255 − magenta, B = 255 − yellow)
 *   card-NNNN-k.png    black resin dots in black on white
 *   card-NNNN-o.png    overlay (varnish) dots in black on white
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { decodePanel, inkOfLevels } from './panel-decoder.js';
import type { PrintedCard, ReceivedPanel } from './printer-model.js';

const WIDTH = 1016;
const HEIGHT = 648;

function monoDots(panel: ReceivedPanel): Uint8Array {
  if (panel.bitmap === null) return new Uint8Array(WIDTH * HEIGHT).fill(panel.fill === 0 ? 0 : 1);
  return decodePanel(panel.bitmap, 1);
}

function colourInk(panel: ReceivedPanel): Uint8Array {
  if (panel.bitmap === null) return new Uint8Array(WIDTH * HEIGHT).fill(panel.fill);
  return inkOfLevels(decodePanel(panel.bitmap, panel.bitsPerDot), panel.bitsPerDot);
}

function writePng(path: string, rgb: Buffer): void {
  const png = new PNG({ width: WIDTH, height: HEIGHT, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  png.data = rgb;
  writeFileSync(path, PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, deflateLevel: 1, filterType: 0 }));
}

/** Black on white for a 1-bit layer. */
function monoImage(dots: Uint8Array): Buffer {
  const rgb = Buffer.alloc(WIDTH * HEIGHT * 3, 255);
  for (let i = 0; i < dots.length; i += 1) if (dots[i] === 1) rgb.fill(0, i * 3, i * 3 + 3);
  return rgb;
}

export function cardFileName(number: number, part: '' | '-ymc' | '-k' | '-o'): string {
  return `card-${String(number).padStart(4, '0')}${part}.png`;
}

/** Writes the four PNGs of one printed card; returns the path of the card's picture. */
export function renderCard(outputDir: string, card: PrintedCard): string {
  const cyan = colourInk(card.panels.c);
  const magenta = colourInk(card.panels.m);
  const yellow = colourInk(card.panels.y);
  const black = monoDots(card.panels.k);
  const overlay = monoDots(card.panels.o);
  const colour = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let i = 0; i < WIDTH * HEIGHT; i += 1) {
    colour[i * 3] = 255 - (cyan[i] ?? 0);
    colour[i * 3 + 1] = 255 - (magenta[i] ?? 0);
    colour[i * 3 + 2] = 255 - (yellow[i] ?? 0);
  }
  const look = Buffer.from(colour);
  for (let i = 0; i < black.length; i += 1) if (black[i] === 1) look.fill(0, i * 3, i * 3 + 3);
  const picture = join(outputDir, cardFileName(card.number, ''));
  writePng(picture, look);
  writePng(join(outputDir, cardFileName(card.number, '-ymc')), colour);
  writePng(join(outputDir, cardFileName(card.number, '-k')), monoImage(black));
  writePng(join(outputDir, cardFileName(card.number, '-o')), monoImage(overlay));
  return picture;
}
