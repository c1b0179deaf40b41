import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import { StationError } from '../../core/station-error.js';
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../card-face.js';
import type { CardFace } from '../card-face.js';
import type { CardText, CardTextField } from './card-data.js';
import { CARD_FONT_FAMILY, ensureCardFont } from './card-fonts.js';
import { fitText } from './text-fit.js';
import type { FitRule, FittedText } from './text-fit.js';

/**
 * The e-KTP front at 300 dpi (1016 × 648 dots). Text and lines go to the black resin layer (K)
 * so they print sharp; the background, the photo and the signature go to the colour layer
 * (YMC); the overlay varnishes the whole card. All geometry is in dots.
 */
const LABEL_X = 34;
const COLON_X = 262;
const VALUE_X = 278;
const PHOTO = { x: 772, y: 150, w: 214, h: 284 } as const;
const VALUE_WIDTH = PHOTO.x - 16 - VALUE_X;
const ROW_PITCH = 29;
const LINE_PITCH = 25;
const FIRST_ROW_Y = 222;
const BOTTOM_LIMIT = CARD_HEIGHT_DOTS - 14;

const FIELD_RULE: FitRule = { nominalPx: 23, minPx: 18, maxLines: 1, widthPx: VALUE_WIDTH };
const RULES: Partial<Record<CardTextField, FitRule>> = {
  provinsi: { nominalPx: 31, minPx: 22, maxLines: 1, widthPx: CARD_WIDTH_DOTS - 60 },
  kabupatenKota: { nominalPx: 31, minPx: 22, maxLines: 1, widthPx: CARD_WIDTH_DOTS - 60 },
  nik: { nominalPx: 38, minPx: 38, maxLines: 1, widthPx: VALUE_WIDTH },
  nama: { nominalPx: 23, minPx: 19, maxLines: 2, widthPx: VALUE_WIDTH },
  alamat: { nominalPx: 23, minPx: 19, maxLines: 2, widthPx: VALUE_WIDTH },
  jenisKelamin: { nominalPx: 23, minPx: 18, maxLines: 1, widthPx: 200 },
  issuePlace: { nominalPx: 21, minPx: 16, maxLines: 1, widthPx: PHOTO.w + 20 },
};

/** The rows under the NIK, top to bottom, as the card prints them. */
const ROWS: ReadonlyArray<{ label: string; field: CardTextField }> = [
  { label: 'Nama', field: 'nama' },
  { label: 'Tempat/Tgl Lahir', field: 'tempatTglLahir' },
  { label: 'Jenis Kelamin', field: 'jenisKelamin' },
  { label: 'Alamat', field: 'alamat' },
  { label: 'RT/RW', field: 'rtRw' },
  { label: 'Kel/Desa', field: 'kelDesa' },
  { label: 'Kecamatan', field: 'kecamatan' },
  { label: 'Agama', field: 'agama' },
  { label: 'Status Perkawinan', field: 'statusPerkawinan' },
  { label: 'Pekerjaan', field: 'pekerjaan' },
  { label: 'Kewarganegaraan', field: 'kewarganegaraan' },
  { label: 'Berlaku Hingga', field: 'berlakuHingga' },
];

export interface CardImage {
  bytes: Buffer;
  /** PNG or JPEG: what the card printer's raster needs decoded here. */
  format: string;
}

/** How each field was fitted: the desk shows which were shrunk or wrapped. */
export interface FieldFit {
  field: CardTextField;
  fontPx: number;
  lines: number;
  shrunk: boolean;
  wrapped: boolean;
}

export interface ComposedCard {
  face: CardFace;
  fits: FieldFit[];
}

function font(px: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${px}px "${CARD_FONT_FAMILY}"`;
}

async function decode(image: CardImage, what: 'photo' | 'signature', nik: string): Promise<Image> {
  if (image.format !== 'PNG' && image.format !== 'JPEG') throw unusable(what, nik, `format ${image.format} is not PNG or JPEG`);
  try {
    const decoded = await loadImage(image.bytes);
    if (decoded.width < 8 || decoded.height < 8) throw new Error(`${decoded.width}×${decoded.height} pixels`);
    return decoded;
  } catch (cause: unknown) {
    throw unusable(what, nik, cause instanceof Error ? cause.message : String(cause), cause);
  }
}

function unusable(what: 'photo' | 'signature', nik: string, reason: string, cause?: unknown): StationError {
  const id = what === 'photo' ? 'Foto' : 'Tanda tangan';
  return new StationError('CARD_IMAGE_UNUSABLE', {
    message: {
      id: `${id} rekaman NIK ${nik} tidak dapat dibaca (${reason}). Kartu tidak dicetak dan blanko tidak terpakai; minta supervisor meminta pusat mengirim ulang rekaman, atau terbitkan Suket.`,
      en: `The ${what} of the record for NIK ${nik} cannot be read (${reason}). No card was printed and no blank was used; ask the supervisor to have central send the record again, or issue a Suket.`,
    },
    details: { nik, image: what, reason },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Draws `img` to fill the box, cropping the longer side around its centre. */
function drawCover(ctx: SKRSContext2D, img: Image, box: { x: number; y: number; w: number; h: number }): void {
  const scale = Math.max(box.w / img.width, box.h / img.height);
  const sw = box.w / scale;
  const sh = box.h / scale;
  ctx.drawImage(img, (img.width - sw) / 2, (img.height - sh) / 2, sw, sh, box.x, box.y, box.w, box.h);
}

function drawContain(ctx: SKRSContext2D, img: Image, box: { x: number; y: number; w: number; h: number }): void {
  const scale = Math.min(box.w / img.width, box.h / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  ctx.drawImage(img, box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h);
}

function paintBackground(ctx: SKRSContext2D): void {
  const gradient = ctx.createLinearGradient(0, 0, CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS);
  gradient.addColorStop(0, '#cfe6f5');
  gradient.addColorStop(0.55, '#e4f1e6');
  gradient.addColorStop(1, '#f6eecf');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS);
  ctx.strokeStyle = 'rgba(70, 130, 180, 0.18)';
  ctx.lineWidth = 2;
  for (let r = 40; r < 900; r += 34) {
    ctx.beginPath();
    ctx.arc(560, 700, r, Math.PI, 2 * Math.PI);
    ctx.stroke();
  }
}

/**
 * Composes the card face from its text and images. Text that cannot fit by the rules above
 * refuses the card (CARD_TEXT_DOES_NOT_FIT); an unreadable photo or signature refuses it too
 * (CARD_IMAGE_UNUSABLE). Deterministic: the same input gives the same dots.
 */
export async function composeCardFace(text: CardText, photo: CardImage | null, signature: CardImage | null): Promise<ComposedCard> {
  ensureCardFont();
  if (photo === null) throw unusable('photo', text.nik, 'the record has no photo');
  const photoImage = await decode(photo, 'photo', text.nik);
  const signatureImage = signature === null ? null : await decode(signature, 'signature', text.nik);

  const colour = createCanvas(CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS);
  const c = colour.getContext('2d');
  const resin = createCanvas(CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS);
  const k = resin.getContext('2d');
  k.fillStyle = '#000000';
  k.strokeStyle = '#000000';
  k.textBaseline = 'alphabetic';

  const measure = (bold: boolean) => (s: string, px: number) => {
    k.font = font(px, bold);
    return k.measureText(s).width;
  };
  const fits: FieldFit[] = [];
  const fit = (field: CardTextField, bold = false): FittedText => {
    const fitted = fitText(fieldLabel(field), text[field], RULES[field] ?? FIELD_RULE, measure(bold));
    fits.push({ field, fontPx: fitted.fontPx, lines: fitted.lines.length, shrunk: fitted.shrunk, wrapped: fitted.wrapped });
    return fitted;
  };
  const put = (s: string, x: number, y: number, px: number, bold: boolean, align: 'left' | 'center' = 'left') => {
    k.font = font(px, bold);
    k.textAlign = align;
    k.fillText(s, x, y);
  };

  paintBackground(c);

  // Header: PROVINSI …, KABUPATEN/KOTA …
  const provinsi = fit('provinsi', true);
  put(provinsi.lines[0] ?? '', CARD_WIDTH_DOTS / 2, 50, provinsi.fontPx, true, 'center');
  const kabupaten = fit('kabupatenKota', true);
  put(kabupaten.lines[0] ?? '', CARD_WIDTH_DOTS / 2, 90, kabupaten.fontPx, true, 'center');

  // NIK
  const nik = fit('nik', true);
  put('NIK', LABEL_X, 160, 34, true);
  put(':', COLON_X - 6, 160, 34, true);
  put(nik.lines[0] ?? '', VALUE_X, 160, nik.fontPx, true);

  // The rows, flowing down as wrapped fields take more lines.
  let y = FIRST_ROW_Y - ROW_PITCH;
  for (const row of ROWS) {
    y += ROW_PITCH;
    put(row.label, LABEL_X, y, 22, false);
    put(':', COLON_X, y, 22, false);
    const fitted = fit(row.field);
    for (const [i, line] of fitted.lines.entries()) put(line, VALUE_X, y + i * LINE_PITCH, fitted.fontPx, false);
    if (row.field === 'jenisKelamin') {
      put('Gol. Darah', 500, y, 22, false);
      put(':', 618, y, 22, false);
      const gol = fit('golDarah');
      put(gol.lines[0] ?? '', 634, y, gol.fontPx, false);
    }
    y += (fitted.lines.length - 1) * LINE_PITCH;
  }
  if (y > BOTTOM_LIMIT) {
    throw new StationError('CARD_TEXT_DOES_NOT_FIT', {
      details: { field: 'rows', bottomPx: y, limitPx: BOTTOM_LIMIT },
    });
  }

  // Photo at the right, then place and date of issue, then the holder's signature.
  drawCover(c, photoImage, PHOTO);
  k.lineWidth = 2;
  k.strokeRect(PHOTO.x - 1, PHOTO.y - 1, PHOTO.w + 2, PHOTO.h + 2);
  const place = fit('issuePlace');
  const centreX = PHOTO.x + PHOTO.w / 2;
  put(place.lines[0] ?? '', centreX, PHOTO.y + PHOTO.h + 30, place.fontPx, false, 'center');
  put(text.issueDate, centreX, PHOTO.y + PHOTO.h + 56, 21, false, 'center');
  fits.push({ field: 'issueDate', fontPx: 21, lines: 1, shrunk: false, wrapped: false });
  if (signatureImage !== null) {
    // Multiply: the signature pad's white paper disappears into the card background.
    c.globalCompositeOperation = 'multiply';
    drawContain(c, signatureImage, { x: PHOTO.x, y: PHOTO.y + PHOTO.h + 66, w: PHOTO.w, h: 126 });
    c.globalCompositeOperation = 'source-over';
  }

  const rgba = c.getImageData(0, 0, CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS).data;
  const ink = k.getImageData(0, 0, CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS).data;
  const dots = CARD_WIDTH_DOTS * CARD_HEIGHT_DOTS;
  const rgb = new Uint8Array(dots * 3);
  const black = new Uint8Array(dots);
  for (let i = 0; i < dots; i += 1) {
    rgb[i * 3] = rgba[i * 4] ?? 255;
    rgb[i * 3 + 1] = rgba[i * 4 + 1] ?? 255;
    rgb[i * 3 + 2] = rgba[i * 4 + 2] ?? 255;
    black[i] = (ink[i * 4 + 3] ?? 0) >= 128 ? 1 : 0;
  }
  return { face: { width: CARD_WIDTH_DOTS, height: CARD_HEIGHT_DOTS, rgb, black, overlay: null }, fits };
}

function fieldLabel(field: CardTextField): string {
  return ROWS.find((r) => r.field === field)?.label ?? field;
}
