/**
 * One card as the frames an Evolis printer is sent, in order:
 *
 *   Pr;ymcko        the ribbon (YMCKO: three colour panels, black resin, overlay)
 *   Ss              sequence start
 *   Db;y;L;…  Db;m;L;…  Db;c;L;…   colour panels, L = 32, 64 or 128 levels
 *   Db;k;2;…        black resin panel
 *   Db;o;2;…        overlay panel, or Wcb;o;255 when the whole card is varnished
 *   Se + 64 NUL     sequence end: the printer feeds, prints and ejects the card
 *
 * Every frame is answered (`OK`, `ERR …`); the reply to `Se` comes when the card has left.
 * Encoding is pure and checks the face first, so a bad face is refused before a byte is sent.
 * The panels come from the native kernels when they loaded, else their JavaScript twins
 * (src-main/imaging/kernels.ts): the same bytes either way.
 */
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../card-face.js';
import type { CardFace } from '../card-face.js';
import { encodeColourPanels, encodeMonoPanel } from '../../imaging/kernels.js';
import type { ColourPanelOptions } from './colour-panels.js';
import { encodeBitmapDownload, encodeCommand, jobPadding } from './command-frame.js';
import { CARD_LAYER } from './panel-geometry.js';

export type JobStep = 'ribbon' | 'start' | 'panel-y' | 'panel-m' | 'panel-c' | 'panel-k' | 'panel-o' | 'end';

export interface JobFrame {
  readonly step: JobStep;
  readonly bytes: Uint8Array;
}

export interface EncodedCardJob {
  readonly frames: readonly JobFrame[];
  readonly totalBytes: number;
}

/** Why a face cannot be printed, naming the layer and what was expected. */
export class CardFaceError extends Error {
  constructor(
    readonly layer: 'size' | 'rgb' | 'black' | 'overlay',
    message: string,
  ) {
    super(message);
    this.name = 'CardFaceError';
  }
}

const DOTS = CARD_WIDTH_DOTS * CARD_HEIGHT_DOTS;

function checkMask(mask: Uint8Array, layer: 'black' | 'overlay'): void {
  if (mask.length !== DOTS) throw new CardFaceError(layer, `the ${layer} layer must have ${DOTS} dots (1016 × 648, 1 byte a dot), got ${mask.length}`);
  for (let i = 0; i < mask.length; i += 1) {
    const v = mask[i];
    if (v !== 0 && v !== 1) {
      throw new CardFaceError(layer, `the ${layer} layer holds only 0 or 1, found ${v} at dot ${i % CARD_WIDTH_DOTS},${Math.floor(i / CARD_WIDTH_DOTS)}`);
    }
  }
}

/** Refuses a face the printer could not print as meant. */
export function checkCardFace(face: CardFace): void {
  // The type says 1016 × 648; a face built from untyped data (JSON, a worker message) may not.
  const { width, height }: { width: number; height: number } = face;
  if (width !== CARD_WIDTH_DOTS || height !== CARD_HEIGHT_DOTS) {
    throw new CardFaceError('size', `a card face is ${CARD_WIDTH_DOTS} × ${CARD_HEIGHT_DOTS} dots, got ${width} × ${height}`);
  }
  if (face.rgb.length !== DOTS * 3) throw new CardFaceError('rgb', `the colour layer must have ${DOTS * 3} bytes (RGB), got ${face.rgb.length}`);
  checkMask(face.black, 'black');
  if (face.overlay !== null) checkMask(face.overlay, 'overlay');
}

export function encodeCardJob(face: CardFace, options: ColourPanelOptions): EncodedCardJob {
  checkCardFace(face);
  const colour = encodeColourPanels(face.rgb, CARD_LAYER, options);
  const frames: JobFrame[] = [
    { step: 'ribbon', bytes: encodeCommand('Pr', ['ymcko']) },
    { step: 'start', bytes: encodeCommand('Ss') },
    { step: 'panel-y', bytes: encodeBitmapDownload('y', options.bitsPerDot, colour.y) },
    { step: 'panel-m', bytes: encodeBitmapDownload('m', options.bitsPerDot, colour.m) },
    { step: 'panel-c', bytes: encodeBitmapDownload('c', options.bitsPerDot, colour.c) },
    { step: 'panel-k', bytes: encodeBitmapDownload('k', 1, encodeMonoPanel(face.black, CARD_LAYER)) },
    {
      step: 'panel-o',
      bytes: face.overlay === null ? encodeCommand('Wcb', ['o', 255]) : encodeBitmapDownload('o', 1, encodeMonoPanel(face.overlay, CARD_LAYER)),
    },
  ];
  const end = encodeCommand('Se');
  const padding = jobPadding();
  const tail = new Uint8Array(end.length + padding.length);
  tail.set(end, 0);
  tail.set(padding, end.length);
  frames.push({ step: 'end', bytes: tail });
  return { frames, totalBytes: frames.reduce((sum, f) => sum + f.bytes.length, 0) };
}
