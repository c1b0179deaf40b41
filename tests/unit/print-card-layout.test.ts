import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../../src-main/print/card-face.js';
import { cardTextOf } from '../../src-main/print/layout/card-data.js';
import { composeCardFace } from '../../src-main/print/layout/card-layout.js';
import { cardFacePng, flattenCardFace } from '../../src-main/print/layout/card-raster.js';
import { fitText } from '../../src-main/print/layout/text-fit.js';
import { isStationError } from '../../src-main/core/station-error.js';
import { BUDI } from '../helpers/enrollment.js';
import { cardTextFixture, samplePhoto, sampleSignature } from '../helpers/print.js';

const png = (bytes: Buffer) => ({ bytes, format: 'PNG' });

async function refusal(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> | undefined }> {
  try {
    await promise;
  } catch (error: unknown) {
    if (isStationError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('card layout (300 dpi, YMC + K + O)', () => {
  it('composes a 1016 × 648 face: text in the black resin layer, the photo in colour, overlay on the whole card', async () => {
    const { face, fits } = await composeCardFace(cardTextFixture(), png(samplePhoto()), png(sampleSignature()));
    expect([face.width, face.height]).toEqual([CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS]);
    expect(face.rgb.length).toBe(1016 * 648 * 3);
    expect(face.overlay).toBeNull();
    const inked = face.black.reduce((n, v) => n + v, 0);
    expect(inked).toBeGreaterThan(5000);
    // The photo box is in the colour layer only: no resin text inside it.
    let resinInPhoto = 0;
    for (let y = 160; y < 420; y += 1) for (let x = 780; x < 980; x += 1) resinInPhoto += face.black[y * 1016 + x] ?? 0;
    expect(resinInPhoto).toBe(0);
    expect(fits.find((f) => f.field === 'nama')).toMatchObject({ shrunk: false, wrapped: false, lines: 1 });
    const flat = flattenCardFace(face);
    expect(flat.length).toBe(face.rgb.length);
    expect(cardFacePng(face).subarray(1, 4).toString()).toBe('PNG');
  });

  it('is deterministic: the same record gives the same dots', async () => {
    const a = await composeCardFace(cardTextFixture(), png(samplePhoto()), null);
    const b = await composeCardFace(cardTextFixture(), png(samplePhoto()), null);
    expect(Buffer.from(a.face.black).equals(Buffer.from(b.face.black))).toBe(true);
    expect(Buffer.from(a.face.rgb).equals(Buffer.from(b.face.rgb))).toBe(true);
  });

  it('fits a long name by shrinking, then by wrapping onto two lines, and says so', async () => {
    const longish = await composeCardFace(cardTextFixture({ nama: 'MUHAMMAD RIZKY PRATAMA WIJAYA KUSUMA' }), png(samplePhoto()), null);
    expect(longish.fits.find((f) => f.field === 'nama')).toMatchObject({ shrunk: true, wrapped: false });
    const long = await composeCardFace(
      cardTextFixture({ nama: 'RADEN MAS MUHAMMAD RIZKY PRATAMA WIJAYA KUSUMA HADININGRAT', alamat: 'JL. PAHLAWAN KEMERDEKAAN REPUBLIK INDONESIA GANG MAWAR MERAH NO. 123 BLOK C' }),
      png(samplePhoto()),
      null,
    );
    expect(long.fits.find((f) => f.field === 'nama')).toMatchObject({ wrapped: true, lines: 2 });
    expect(long.fits.find((f) => f.field === 'alamat')).toMatchObject({ wrapped: true, lines: 2 });
  });

  it('refuses text that cannot fit, naming the field, instead of cutting it', async () => {
    const alamat = 'JALAN '.repeat(30).trim();
    const refused = await refusal(composeCardFace(cardTextFixture({ alamat }), png(samplePhoto()), null));
    expect(refused.code).toBe('CARD_TEXT_DOES_NOT_FIT');
    expect(refused.details).toMatchObject({ field: 'Alamat', text: alamat });
    const word = await refusal(composeCardFace(cardTextFixture({ pekerjaan: 'X'.repeat(80) }), png(samplePhoto()), null));
    expect(word).toMatchObject({ code: 'CARD_TEXT_DOES_NOT_FIT', details: { field: 'Pekerjaan' } });
  });

  it('refuses a record without a photo, or with a photo that is not an image', async () => {
    expect(await refusal(composeCardFace(cardTextFixture(), null, null))).toMatchObject({ code: 'CARD_IMAGE_UNUSABLE', details: { image: 'photo' } });
    const garbage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    expect(await refusal(composeCardFace(cardTextFixture(), png(garbage), null))).toMatchObject({ code: 'CARD_IMAGE_UNUSABLE' });
    expect(await refusal(composeCardFace(cardTextFixture(), { bytes: samplePhoto(), format: 'WSQ' }, null))).toMatchObject({ code: 'CARD_IMAGE_UNUSABLE' });
  });

  it('fitText shrinks in half-dot steps and never below the minimum', () => {
    const measure = (s: string, px: number) => s.length * px * 0.5;
    expect(fitText('Nama', 'ABCDEFGHIJ', { nominalPx: 20, minPx: 16, maxLines: 1, widthPx: 90 }, measure)).toMatchObject({ fontPx: 18, shrunk: true });
    expect(() => fitText('Nama', 'ABCDEFGHIJ', { nominalPx: 20, minPx: 16, maxLines: 1, widthPx: 70 }, measure)).toThrow(/does not fit/);
  });

  it('builds the card text from central demographics, refusing invalid ones', () => {
    const text = cardTextOf({ nik: BUDI.nik, demographicsJson: JSON.stringify(BUDI), provinceName: 'JAWA TIMUR', regencyName: 'KABUPATEN PACITAN', issuedAt: new Date('2026-12-02T03:00:00Z') });
    expect(text).toMatchObject({ provinsi: 'PROVINSI JAWA TIMUR', tempatTglLahir: 'PACITAN, 12-05-1990', rtRw: '001/002', issuePlace: 'PACITAN', issueDate: '02-12-2026' });
    expect(() => cardTextOf({ nik: BUDI.nik, demographicsJson: JSON.stringify({ ...BUDI, rt: 'x' }), provinceName: 'JAWA TIMUR', regencyName: 'KABUPATEN PACITAN', issuedAt: new Date() })).toThrow(/rt/);
  });
});
