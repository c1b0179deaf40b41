/**
 * Where each dot of a card face goes in an Evolis panel bitmap.
 *
 * The card face is landscape, 1016 × 648 dots, row-major from the top-left corner (card-face.ts).
 * The printer takes every panel in portrait: 1016 lines of 648 dots, the first line first, the
 * first dot of a line first. The face is turned a quarter turn clockwise to get there:
 *
 *   panel line L (0‥1015)  = card column x = L          (line 0 is the card's left edge)
 *   panel dot  D (0‥647)   = card row    y = 647 − D    (dot 0 is the card's bottom edge)
 *
 * so the face's bottom-left corner is the panel's first dot, its top-left corner is the last dot
 * of the first line, and its top-right corner is the last dot of all. Pure code, no I/O.
 *
 * The same turn applies to a landscape layer of any size W × H (the kernels and their tests use
 * small ones): W lines of H dots, line L = column L, dot D = row H − 1 − D.
 */
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../card-face.js';

/** The size of a landscape layer in dots, 1 entry (or 3 bytes, RGB) a dot, row-major. */
export interface LayerSize {
  readonly width: number;
  readonly height: number;
}

/** A card face: 1016 × 648. */
export const CARD_LAYER: LayerSize = { width: CARD_WIDTH_DOTS, height: CARD_HEIGHT_DOTS };

/** Dots in one panel line: the card's short side. */
export const PANEL_LINE_DOTS = CARD_HEIGHT_DOTS;
/** Lines in one panel: the card's long side. */
export const PANEL_LINES = CARD_WIDTH_DOTS;
export const PANEL_DOTS = PANEL_LINE_DOTS * PANEL_LINES;

/** Bits per dot the printer accepts for the colour panels (32, 64 or 128 levels). */
export type ColourDepth = 5 | 6 | 7;
export const COLOUR_DEPTHS: readonly ColourDepth[] = [5, 6, 7];

/** Index into a landscape layer (row-major, 1 entry a dot) of panel line `line`, dot `dot`. */
export function faceIndexOfPanelDot(line: number, dot: number): number {
  return (PANEL_LINE_DOTS - 1 - dot) * CARD_WIDTH_DOTS + line;
}

/** Bytes of one bit-packed panel at `bitsPerDot` (648 × bits is a whole number of bytes). */
export function panelBytes(bitsPerDot: number): number {
  return (PANEL_LINES * PANEL_LINE_DOTS * bitsPerDot) / 8;
}

/** Levels a panel of `bitsPerDot` carries: 2 for K/O, 32/64/128 for Y/M/C. */
export function levelsOf(bitsPerDot: number): number {
  return 1 << bitsPerDot;
}
