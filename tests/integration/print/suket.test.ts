import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { statefulConnection } from '../../../src-main/core/call-context.js';
import type { Station } from '../../../src-main/core/station.js';
import { REQUIRED_CAPTURES } from '../../../src-main/contract/captures.js';
import { signSuket, verifySuket } from '../../../src-main/print/suket/suket-payload.js';
import { BUDI, fakePng } from '../../helpers/enrollment.js';
import { runCli } from '../../helpers/cli.js';
import { samplePhoto } from '../../helpers/print.js';
import { tempDir, trainingStation } from '../../helpers/station.js';

describe('Suket: PDF with a QR payload signed by the station key (Ed25519)', () => {
  const data = tempDir('ktp-suket-');
  let station: Station;
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  let id = '';

  beforeAll(async () => {
    station = await trainingStation(data.dir);
    await call('session.startTraining', { role: 'operator' });
    const draft = await call('enrollment.startDraft', { demographics: BUDI });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    id = (draft.result as { id: string }).id;
    for (const { modality, position } of REQUIRED_CAPTURES) {
      const bytes = modality === 'FACE' ? samplePhoto() : fakePng(96);
      const added = await call('enrollment.addCapture', { id, modality, position, quality: 80, image: { format: 'PNG', base64: bytes.toString('base64') } });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
    }
    const committed = await call('enrollment.commit', { id });
    if (!committed.ok) throw new Error(JSON.stringify(committed.error));
  });
  afterAll(async () => {
    await station.close();
    data.remove();
  });

  it('issues a folio Suket for a saved record: status code, validity, photo, and a payload that verifies', async () => {
    const issued = await call('suket.issue', { enrollmentId: id, paper: 'FOLIO' });
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    const suket = issued.result as { id: string; statusCode: string; payload: string; pdf: string };
    expect(suket.statusCode).toBe('Pro');
    const pdf = await PDFDocument.load(Buffer.from(suket.pdf, 'base64'));
    const [w, h] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect([Math.round((w / 72) * 25.4), Math.round((h / 72) * 25.4)]).toEqual([215, 330]);
    expect(pdf.getKeywords()).toContain(suket.payload);
    // The CLI reads the payload from the PDF and says who issued it and when.
    const file = join(data.dir, 'suket.pdf');
    writeFileSync(file, Buffer.from(suket.pdf, 'base64'));
    const cli = runCli(['suket', 'verify', file]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`SAH / VALID: Suket ${suket.id}`);
    expect(cli.stdout).toContain('station PELATIHAN-01');
    const bad = runCli(['suket', 'verify', `${suket.payload.slice(0, -6)}AAAAAA`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('TIDAK SAH / NOT VALID');
    const verified = await call('suket.verify', { payload: suket.payload });
    expect(verified).toMatchObject({ ok: true, result: { id: suket.id, nik: BUDI.nik, nama: 'BUDI SANTOSO', stationId: 'PELATIHAN-01', byThisStation: true, expired: false } });
  });

  it('refuses a payload whose content or signature was changed, or that another key signed', async () => {
    const issued = await call('suket.issue', { enrollmentId: id, paper: 'A4' });
    if (!issued.ok) throw new Error('issue failed');
    const payload = (issued.result as { payload: string }).payload;
    const [prefix, body, key, signature] = payload.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = [prefix, Buffer.from(JSON.stringify({ ...claims, nama: 'ORANG LAIN' })).toString('base64url'), key, signature].join('.');
    expect(await call('suket.verify', { payload: forged })).toMatchObject({ ok: false, error: { code: 'SUKET_INVALID' } });
    expect(await call('suket.verify', { payload: 'hello' })).toMatchObject({ ok: false, error: { code: 'SUKET_INVALID' } });
    const other = generateKeyPairSync('ed25519');
    const resigned = signSuket(claims as never, other.privateKey, other.publicKey);
    expect(await call('suket.verify', { payload: resigned })).toMatchObject({ ok: true, result: { byThisStation: false } });
    const stationKey = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => verifySuket(payload, { trustedKeyPem: stationKey })).toThrow(/another key/);
  });
});
