import { PNG } from 'pngjs';
import type { CardFace } from '../card-face.js';

/**
 * The card as one RGB picture: the colour layer with the black resin layer on top. This is what
 * an OS-driver printer receives and what the desk previews, so the preview is the card sent.
 */
export function flattenCardFace(face: CardFace): Uint8Array {
  const out = new Uint8Array(face.rgb);
  for (let i = 0; i < face.black.length; i += 1) {
    if (face.black[i] === 1) {
      out[i * 3] = 0;
      out[i * 3 + 1] = 0;
      out[i * 3 + 2] = 0;
    }
  }
  return out;
}

export function cardFacePng(face: CardFace): Buffer {
  const flat = flattenCardFace(face);
  const png = new PNG({ width: face.width, height: face.height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  png.data = Buffer.from(flat);
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false });
}
