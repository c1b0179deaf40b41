import { PDFDocument } from 'pdf-lib';
import { CARD_HEIGHT_MM, CARD_WIDTH_MM } from '../card-face.js';
import type { CardFace } from '../card-face.js';
import { cardFacePng } from '../layout/card-raster.js';

const POINTS_PER_MM = 72 / 25.4;
export const CARD_WIDTH_PT = CARD_WIDTH_MM * POINTS_PER_MM;
export const CARD_HEIGHT_PT = CARD_HEIGHT_MM * POINTS_PER_MM;
/** The CUPS media name for CR80 (85.6 × 54 mm): a custom size the driver prints edge to edge. */
export const CR80_MEDIA = `Custom.${CARD_WIDTH_MM}x${CARD_HEIGHT_MM}mm`;

/** The card face as one PDF page of exactly 85.6 × 54 mm, the 300-dpi picture filling it. */
export async function cardPdf(face: CardFace, title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('KTP Station');
  pdf.setProducer('KTP Station');
  const page = pdf.addPage([CARD_WIDTH_PT, CARD_HEIGHT_PT]);
  const image = await pdf.embedPng(cardFacePng(face));
  page.drawImage(image, { x: 0, y: 0, width: CARD_WIDTH_PT, height: CARD_HEIGHT_PT });
  return Buffer.from(await pdf.save());
}
